using System.Runtime.InteropServices;

namespace BkTui.Core.Formats.Crypto;

/// <summary>
/// Whether .NET's own cryptography can run here. On Linux it is OpenSSL, and without a libssl the
/// runtime aborts the process at the first hash, which cannot be caught; so the format code asks
/// first and falls back to <see cref="Sha256"/>/<see cref="Aes128Ecb"/>'s managed code. Where
/// libssl exists the platform's is used: it is many times faster (the archive hashes every sector).
/// </summary>
internal static class PlatformCrypto
{
    private static readonly Lazy<bool> Probe = new(() =>
        !OperatingSystem.IsLinux() || new[] { "libssl.so.3", "libssl.so.1.1", "libssl.so" }.Any(name => NativeLibrary.TryLoad(name, out _)));

    public static bool Available => Probe.Value;
}
