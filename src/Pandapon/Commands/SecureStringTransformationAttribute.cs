using System.Management.Automation;
using Pandapon.Credentials;

namespace Pandapon.Commands
{
    /// <summary>Lets a secret parameter typed SecureString also accept a plain string, converted on binding.</summary>
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string plain ? SecretText.Protect(plain) : value;
        }
    }
}
