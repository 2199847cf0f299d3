using System.CommandLine;

namespace BkTui.Cli;

/// <summary>
/// The verbs by name, one line each (adding a verb touches one line). Each is built only when asked
/// for, so a run constructs just the verb it invokes (start-up: docs/performance-startup.md).
/// </summary>
internal static class CliVerbs
{
    public static readonly IReadOnlyList<(string Name, Func<Command> Create)> All =
    [
        ("about", VersionCommand.Create),
        ("ports", PortsCommand.Create),
        ("sim", SimCommand.Create),
        ("info", InfoCommand.Create),
        ("read", ReadCommand.Create),
        ("write", WriteCommand.Create),
        ("erase", EraseCommand.Create),
        ("verify", VerifyCommand.Create),
        ("dumps", DumpsCommand.Create),
        ("firmware", FirmwareCommand.Create),
        ("analyze", AnalyzeCommand.Create),
        ("image", ImageCommand.Create),
        ("hexdump", HexdumpCommand.Create),
        ("tui", TuiCommand.Create),
        ("run", RunCommand.Create),
        ("demo", DemoCommand.Create),
    ];
}
