namespace BkTui.Cli;

/// <summary>Process exit codes; the README's table is written from this list. 0 only for verified success.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The operation ran and failed (including a job that failed in a queue run).</summary>
    public const int Failed = 1;
    /// <summary>Bad command line.</summary>
    public const int Usage = 2;
    /// <summary>Port missing, busy (held by another process), or not a tty.</summary>
    public const int PortUnavailable = 3;
    /// <summary>No answer from the chip: link/reset window missed, wrong wiring or baud.</summary>
    public const int NoLink = 4;
    /// <summary>A safety guard refused the request before anything was sent (wrong family, bootloader range, size, key mismatch).</summary>
    public const int Refused = 5;
    /// <summary>Data was transferred but a CRC or read-back did not match.</summary>
    public const int VerifyFailed = 6;
    /// <summary>An input file is unreadable, truncated, damaged or not what it claims to be.</summary>
    public const int BadInput = 7;
    /// <summary>The adapter went away mid-operation (hang-up, EIO, unplug).</summary>
    public const int DeviceGone = 8;
    /// <summary>Archive error: database or blob store unusable, disk full, read-only media.</summary>
    public const int ArchiveError = 9;
    /// <summary>Network failure (firmware catalog) with no cached answer.</summary>
    public const int NetworkError = 10;
    /// <summary>Interrupted by the user (SIGINT/SIGTERM) at a safe point.</summary>
    public const int Cancelled = 130;

    /// <summary>
    /// The word for a code: <c>kind</c> in every --json error object, and the words a run's jobs use for
    /// <c>errorKind</c> (JobErrorKind in lower case), so a script matches one vocabulary.
    /// </summary>
    public static string Kind(int code) => code switch
    {
        Ok => "ok",
        Usage => "usage",
        PortUnavailable => "portunavailable",
        NoLink => "nolink",
        Refused => "refused",
        VerifyFailed => "verifyfailed",
        BadInput => "badinput",
        DeviceGone => "devicegone",
        ArchiveError => "archive",
        NetworkError => "network",
        Cancelled => "cancelled",
        _ => "failed",
    };
}
