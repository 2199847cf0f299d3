namespace BkTui.Tests.Tui.Views.Hex;

/// <summary>Terminal.Gui applications in these tests run one at a time (the toolkit keeps some process-wide state).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HexViewCollection
{
    public const string Name = "Terminal.Gui hex views";
}
