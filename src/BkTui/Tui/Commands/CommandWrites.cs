using System.Collections.Immutable;
using System.CommandLine;
using BkTui.Cli;
using BkTui.Core.Jobs;
using BkTui.Tui.Panes.Archive;
using BkTui.Tui.Panes.Queue;
using BkTui.Tui.State;

namespace BkTui.Tui.Commands;

/// <summary>
/// A ':' line that writes to a chip becomes the request a key would make, so it meets the same
/// dialog, the engine's preview and gate and the same typed consents: `run RECIPE` and `write` are
/// queued as jobs (parsed by the CLI's own tree into the CLI's own requests), `run restore-factory`
/// is the archive's restore or recovery, `erase` (no job erases) runs its verb after the queue's
/// question. Consent flags on the line are never the answer: --allow-unknown-family becomes the
/// typed family, --allow-bootloader the typed BOOTLOADER, and --allow-key-mismatch is refused.
/// </summary>
public static class CommandWrites
{
    public static AppAction Route(string[] tokens)
    {
        var parse = CliApp.BuildRoot().Parse(tokens);
        if (parse.Errors.Count > 0) return Refused(string.Join(" ", parse.Errors.Select(e => e.Message)));
        var command = parse.CommandResult.Command;
        if (Flag(parse, "--allow-key-mismatch"))
            return Refused("--allow-key-mismatch is not taken inside the workstation: its dialog shows the key check and the engine refuses a mismatch. Convert the image (bktui image convert) or run the verb from the shell");
        if (Flag(parse, "--no-backup"))
            return Refused("--no-backup is not taken inside the workstation: it always has a factory dump of the device before a write or erase");
        if (Value(parse, "--archive") is not null)
            return Refused("jobs in the workstation use its own archive: drop --archive");
        try
        {
            return tokens[0].ToLowerInvariant() switch
            {
                "run" when Recipes.TryParse(command.Name, out var recipe) => Run(parse, recipe),
                "write" => Write(parse),
                "erase" => Erase(parse, tokens),
                _ => Refused($"'{string.Join(' ', tokens)}' is not a verb the workstation can queue"),
            };
        }
        catch (Exception e) when (e is FormatException or UsageException)
        {
            return Refused(e.Message);
        }
    }

    private static AppAction Run(ParseResult parse, Recipe recipe)
    {
        // The typed family replaces the flag (the dialog asks for it when the image names none).
        var requests = Cli.RunCommand.Requests(parse, recipe).Select(r => r with { AllowUnknownFamily = false }).ToList();
        if (recipe != Recipe.RestoreFactory) return new QueueAskFor(requests);
        return requests is [var one] ? new ArchiveWriteBack(one) : Refused("restore-factory writes one device's dump: name one --port");
    }

    /// <summary>`write --in FILE`: the workstation's flash job; with --start, a custom write at that address.</summary>
    private static AppAction Write(ParseResult parse)
    {
        if (Value(parse, "--chip") is not null) return Refused("--chip is not taken inside the workstation: its jobs identify the chip");
        var file = Path.GetFullPath(Value(parse, "--in")!);
        var baud = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--baud") is Option<int?> b ? parse.GetValue(b) : null;
        var port = Value(parse, "--port")!;
        var start = FlashVerb.ParseNumber(Value(parse, "--start"), "--start");
        if (start is null)
        {
            if (Flag(parse, "--allow-bootloader"))
                return Refused("write without --start keeps the bootloader in the workstation; to rewrite it name the address (--start 0x0 --allow-bootloader) or use the bootloader recovery (B in [3] Archive)");
            return new QueueAskFor([new JobRequest { Port = port, Recipe = Recipe.Flash, FirmwarePath = file, Baud = baud }],
                [new Stake("Runs", "as the workstation's flash job (bktui run flash): a factory dump first unless one read from this chip is archived, then write, verify, reboot")]);
        }
        return new QueueAskFor([new JobRequest { Port = port, Recipe = Recipe.Custom, WritePath = file, Start = start, AllowBootloader = Flag(parse, "--allow-bootloader"), Baud = baud,
                AllowOtherDeviceRf = Flag(parse, "--allow-other-device-rf"), AllowRfOverwrite = Flag(parse, "--allow-rf-overwrite") }],
            [new Stake("Runs", "as a custom write job (bktui run custom --write): the file's bytes at that address, then verify")]);
    }

    private static AppAction Erase(ParseResult parse, string[] tokens) => new QueueAskErase(tokens, Value(parse, "--port")!,
        FlashVerb.ParseNumber(Value(parse, "--start"), "--start")!.Value, FlashVerb.ParseNumber(Value(parse, "--length"), "--length")!.Value,
        Flag(parse, "--allow-bootloader"), Flag(parse, "--allow-rf-erase"));

    private static ShowFlash Refused(string why) => new($"{why.TrimEnd('.')}. Nothing was queued.", FlashLevel.Warning, Record: true);

    private static string? Value(ParseResult parse, string name) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name) switch
        {
            Option<string> o => parse.GetValue(o),
            _ => null,
        };

    private static bool Flag(ParseResult parse, string name) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name) is Option<bool> o && parse.GetValue(o);
}

/// <summary>A verb the user confirmed in the workstation's own dialog (erase): runs through the CLI tree.</summary>
public sealed record RunConfirmedVerb(string[] Tokens) : AppAction;
