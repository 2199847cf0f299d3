using System.CommandLine;
using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Logging;

namespace BkTui.Cli;

/// <summary>
/// <c>bktui read</c> archives what it read (whole-flash reads), unless <c>--no-archive</c>: the dump is
/// tied to the chip's MAC with the facts the session learned (chip, key, bootloader, working baud).
/// </summary>
internal sealed class DumpsReadArchiving
{
    public Option<string?> Archive { get; } = DumpsCommand.ArchiveOption();
    public Option<bool> NoArchive { get; } = new("--no-archive") { Description = "Only write the file; do not add the dump to the archive." };

    public void AddTo(Command cmd)
    {
        cmd.Options.Add(Archive);
        cmd.Options.Add(NoArchive);
    }

    /// <summary>Archives a verified read; returns the exit code (the file is already saved either way).</summary>
    public int Save(ParseResult pr, string port, ChipInfo info, byte[] data, uint from, RunLog log, int? askedBaud)
    {
        if (pr.GetValue(NoArchive)) return ExitCodes.Ok;
        if (from != 0 || data.Length != info.FlashSize)
        {
            Console.Error.WriteLine("partial read: not archived (only whole-flash reads go to the archive; `dumps import FILE` adds it anyway)");
            return ExitCodes.Ok;
        }
        try
        {
            using var archive = DumpArchive.Open(ArchiveLocation.Resolve(pr.GetValue(Archive)));
            var r = archive.Import(data, DumpSource.FromPort(port), new ImportOptions
            {
                Device = Core.Preflight.ChipObservations.Of(info, port, askedBaud),
            });
            var line = r.IsNew
                ? $"archived as dump #{r.DumpId} ({r.Mac ?? "unidentified device"}, +{DumpsCommand.Size(r.NewBytes)} stored) in {archive.Root}"
                : $"already archived as dump #{r.DumpId} in {archive.Root}";
            log.Info(line);
            Console.Error.WriteLine(line);
            return ExitCodes.Ok;
        }
        catch (ArchiveException e)
        {
            log.Warn($"archiving failed: {e.Message}");
            Console.Error.WriteLine($"bktui read: the dump file is saved, but archiving it failed: {e.Message}");
            return ExitCodes.ArchiveError;
        }
    }
}
