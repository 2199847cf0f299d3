namespace BkTui.Core.Jobs;

/// <summary>The job stopped at a safe point because the user cancelled it or the session hung up.</summary>
public sealed class JobStoppedException(string message) : Exception(message);

/// <summary>A recipe's pre-flight guard refused (key mismatch, size, bootloader, missing dump); nothing was written.</summary>
public sealed class JobRefusedException(string message) : Exception(message);

/// <summary>An input the recipe was given is unusable (missing file, wrong size, not an image).</summary>
public sealed class JobInputException(string message) : Exception(message);

/// <summary>What was read or written does not match (whole-range CRC, or the image against the chip).</summary>
public sealed class JobVerifyException(string message) : Exception(message);

/// <summary>After the reboot the chip showed it does not run what was written (boot loop, app rejected).</summary>
public sealed class JobBootException(Monitor.BootProof proof, string message) : Exception(message)
{
    public Monitor.BootProof Proof { get; } = proof;
}
