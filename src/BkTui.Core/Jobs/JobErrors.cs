using BkTui.Core.Serial;

namespace BkTui.Core.Jobs;

/// <summary>Classifies failures: which ones a relink may cure, and the coarse kind the CLI maps to an exit code.</summary>
internal static class JobErrors
{
    public static bool IsTransient(Exception ex) => ex switch
    {
        JobRefusedException or JobInputException or JobStoppedException or OperationCanceledException => false,
        PortBusyException or PortUnavailableException => false,
        DeviceGoneException => true,      // a brown-out or a loose cable; relinking will tell (bounded)
        JobVerifyException => true,       // write again: matching sectors are skipped
        TimeoutException or IOException => true,
        _ => IsFlashTransient(ex),
    };

    public static JobErrorKind Kind(Exception ex) => ex switch
    {
        JobRefusedException => JobErrorKind.Refused,
        JobInputException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => JobErrorKind.BadInput,
        JobVerifyException => JobErrorKind.VerifyFailed,
        DeviceGoneException => JobErrorKind.DeviceGone,
        PortBusyException or PortUnavailableException => JobErrorKind.PortUnavailable,
        _ => FlashKind(ex) ?? JobErrorKind.Failed,
    };

    /// <summary>One line naming the port and what to do next.</summary>
    public static string Message(string port, Exception ex)
    {
        var m = ex.Message;
        return m.Contains(port, StringComparison.Ordinal) ? m : $"{port}: {m}";
    }

    // The flashing layer's exception family, matched by name until it is referenced directly.
    private static bool IsFlashTransient(Exception ex) => ex.GetType().Name is "NoLinkException" or "VerifyFailedException";

    private static JobErrorKind? FlashKind(Exception ex) => ex.GetType().Name switch
    {
        "GuardRefusedException" => JobErrorKind.Refused,
        "NoLinkException" => JobErrorKind.NoLink,
        "VerifyFailedException" => JobErrorKind.VerifyFailed,
        _ => null,
    };
}
