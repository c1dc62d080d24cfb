namespace Pandapon.Commands
{
    /// <summary>
    /// Where Get-Help -Online sends users: each cmdlet's help source in the repository (the manifest's ProjectUri),
    /// which is also the text of its offline help. A cmdlet's HelpUri is <c>BaseUri + "Verb-Noun.md"</c>.
    /// </summary>
    internal static class OnlineHelp
    {
        public const string BaseUri = "https://github.com/pandapon/Pandapon/blob/main/docs/en-US/";
    }
}
