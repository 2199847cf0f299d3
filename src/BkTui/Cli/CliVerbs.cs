using System.CommandLine;

namespace BkTui.Cli;

/// <summary>The list of verbs, one line each (kept in one place so adding a verb touches one line).</summary>
internal static class CliVerbs
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return PortsCommand.Create();
        yield return SimCommand.Create();
        yield return InfoCommand.Create();
        yield return ReadCommand.Create();
        yield return WriteCommand.Create();
        yield return EraseCommand.Create();
        yield return VerifyCommand.Create();
        yield return DumpsCommand.Create();
        yield return FirmwareCommand.Create();
        yield return AnalyzeCommand.Create();
        yield return ImageCommand.Create();
        yield return HexdumpCommand.Create();
        yield return TuiCommand.Create();
        yield return RunCommand.Create();
        yield return DemoCommand.Create();
    }
}
