using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Logging;
using BkTui.Core.Serial;

namespace BkTui.Cli;

/// <summary>
/// The flash verbs' side of the per-adapter baud memory: where an archive already exists, the ladder
/// starts at the rate last proven on this adapter, and the rate this run proved (or stepped down to)
/// is written back. No archive is created for it, and an archive problem never fails the verb.
/// </summary>
internal static class RememberedBaud
{
    public static int? Read(string? archiveRoot, string port, RunLog log) =>
        archiveRoot is null ? null : Use(archiveRoot, log, a => a.LastWorkingBaud(AdapterKey.For(port)));

    /// <param name="asked">The rate given with --baud (null: the ladder chose): kept only as <see cref="BaudMemory"/> says.</param>
    public static void Write(string? archiveRoot, string port, ChipInfo chip, RunLog log, int? asked = null)
    {
        if (archiveRoot is null || chip.Baud <= 0) return;
        Use(archiveRoot, log, a =>
        {
            var adapter = AdapterKey.For(port);
            if (BaudMemory.Keeps(asked, chip.Baud, asked is null ? null : a.LastWorkingBaud(adapter))) a.RememberBaud(adapter, chip.Baud, chip.Mac);
            return (int?)null;
        });
    }

    private static int? Use(string root, RunLog log, Func<DumpArchive, int?> action)
    {
        try
        {
            using var archive = DumpArchive.Open(root);
            return action(archive);
        }
        catch (ArchiveException e)
        {
            log.Info($"baud memory unavailable: {e.Message}");
            return null;
        }
    }
}
