using System.CommandLine;
using BkTui.Core.Archive;
using BkTui.Core.Firmware;

namespace BkTui.Cli;

/// <summary><c>bktui firmware list|get</c>: OpenBeken builds from the releases feed, cached in the archive.</summary>
internal static class FirmwareCommand
{
    public static Command Create()
    {
        var cmd = new Command("firmware", "OpenBeken builds: list releases, get the right build for a chip (cached in the archive).");
        cmd.Subcommands.Add(FirmwareListCommand.Create());
        cmd.Subcommands.Add(FirmwareGetCommand.Create());
        return cmd;
    }

    public static Option<string?> SourceOption() => new("--source")
    {
        Description = $"Releases feed: a URL serving the GitHub releases JSON, a file:// URL or a local path (default {FirmwareHttpOptions.DefaultSource}).",
    };

    public static Option<string?> ArchiveOption() => new("--archive") { Description = "Archive root (its firmware/ folder is the cache); default $BKTUI_ARCHIVE, the checkout's dumps/, or ~/.local/share/bktui." };

    public static Option<bool> JsonOption() => new("--json") { Description = "Machine-readable output." };

    /// <summary>The archive root: --archive, $BKTUI_ARCHIVE, the checkout's dumps/, or the XDG data folder.</summary>
    public static string ArchiveRoot(string? option) => ArchiveLocation.Resolve(option);

    /// <summary>"1.1 MiB" (Humanizer needs culture data, which invariant-globalization builds lack).</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MiB",
    };

    /// <summary>Exit code for a firmware failure (ExitCodes.cs).</summary>
    public static int ExitCodeFor(FirmwareException e) => e.Error switch
    {
        FirmwareError.Network or FirmwareError.RateLimited => ExitCodes.NetworkError,
        FirmwareError.Integrity => ExitCodes.VerifyFailed,
        FirmwareError.WrongKey or FirmwareError.WrongFamily => ExitCodes.Refused,
        FirmwareError.BadSource or FirmwareError.NotFirmware or FirmwareError.TooLarge => ExitCodes.BadInput,
        FirmwareError.DiskFull or FirmwareError.Cache => ExitCodes.ArchiveError,
        _ => ExitCodes.Failed,
    };

    /// <summary>Says the failure on stderr (the --json error object follows from it) and returns its exit code.</summary>
    public static int Fail(FirmwareException e, string verb) => CliFailure.Say(verb, ExitCodeFor(e), e.Message);
}
