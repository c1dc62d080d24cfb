namespace Pandapon.Commands
{
    /// <summary>
    /// The text transformation of an id parameter: text or whole numbers pass, anything else is refused as
    /// <see cref="TextTransformationAttribute"/> says ("-RefundId takes an id as text or a number, not a hashtable").
    /// </summary>
    public sealed class IdTransformationAttribute : TextTransformationAttribute
    {
        /// <param name="parameterName">The parameter, as messages name it ("-RefundId").</param>
        /// <param name="bindingNames">The property names that bind to it from the pipeline (its name and aliases).</param>
        public IdTransformationAttribute(string parameterName, params string[] bindingNames) : base(parameterName, bindingNames)
        {
        }

        protected override string Noun => "an id";
    }
}
