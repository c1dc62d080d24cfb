namespace Pandapon.Models
{
    /// <summary>Which marketplace a callback message is about: PandaPon's <c>messagePlatform</c> 0 or 1.</summary>
    public enum MessagePlatform
    {
        Taobao = 0,

        /// <summary>1688.com (a .NET name cannot start with a digit, hence the prefix).</summary>
        Alibaba1688 = 1,
    }
}
