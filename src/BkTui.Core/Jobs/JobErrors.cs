using BkTui.Core.Archive;
using BkTui.Core.Flashing;
using BkTui.Core.Serial;

namespace BkTui.Core.Jobs;

/// <summary>Classifies failures: which ones a relink may cure, and the coarse kind the CLI maps to an exit code.</summary>
internal static class JobErrors
{
    public static bool IsTransient(Exception ex) => ex switch
    {
        JobRefusedException or JobInputException or JobStoppedException or JobBootException or OperationCanceledException => false,
        GuardRefusedException or UnsupportedChipException or ArchiveException => false,
        PortBusyException or PortUnavailableException => false,
        DeviceChangedException => false, // another chip answers on this port: never carry the job over
        DeviceGoneException => true,      // a brown-out or a loose cable; relinking will tell (bounded)
        JobVerifyException or VerifyFailedException => true, // write again: matching sectors are skipped
        NoLinkException or RetriesExhaustedException => true,
        TimeoutException or IOException => true,
        _ => false,
    };

    public static JobErrorKind Kind(Exception ex) => ex switch
    {
        JobRefusedException or GuardRefusedException or UnsupportedChipException => JobErrorKind.Refused,
        JobInputException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => JobErrorKind.BadInput,
        JobVerifyException or VerifyFailedException => JobErrorKind.VerifyFailed,
        NoLinkException => JobErrorKind.NoLink,
        DeviceGoneException or DeviceChangedException => JobErrorKind.DeviceGone,
        PortBusyException or PortUnavailableException => JobErrorKind.PortUnavailable,
        ArchiveException => JobErrorKind.Archive,
        _ => JobErrorKind.Failed,
    };

    /// <summary>One line naming the port and what to do next.</summary>
    public static string Message(string port, Exception ex)
    {
        var m = ex.Message;
        return m.Contains(port, StringComparison.Ordinal) ? m : $"{port}: {m}";
    }
}
