using BkTui.Core.Chips;
using BkTui.Core.Formats.Crypto;

namespace BkTui.Core.Formats;

/// <summary>Why a conversion was refused (the CLI maps it to "bad input" or "verify failed").</summary>
public sealed class ImageConversionException(string message, bool verifyFailed = false) : Exception(message)
{
    public bool VerifyFailed { get; } = verifyFailed;
}

/// <summary>The converted image and what was done.</summary>
public sealed record ImageConversion(byte[] Output, FirmwareImage Input, string FromKey, string ToKey, bool Unchanged);

/// <summary>
/// Re-keys a whole firmware file (app/UA, QIO, full dump, bootloader): a Tuya-keyed OpenBeken build
/// into one that boots on a zero-key BK7231M, and back. Only the code part changes; the result is
/// checked by converting it back to the exact input and by re-probing its key before it is returned.
/// </summary>
public static class ImageKeyConverter
{
    public static ImageConversion Convert(ReadOnlySpan<byte> file, EfuseKey to, EfuseKey? from = null, string? fileName = null)
    {
        var info = FirmwareInspector.Inspect(file, fileName);
        if (info.Kind is FirmwareKind.Unknown or FirmwareKind.RblOta)
            throw new ImageConversionException(info.Kind == FirmwareKind.RblOta
                ? "This is an OTA package (RBL header first); its payload is compressed/AES-encrypted, not code-key encrypted. Convert the UA or QIO build instead."
                : $"Not a code image in CRC-16 blocks ({string.Join("; ", info.Evidence.Concat(info.Warnings))}).");
        var source = from ?? info.KeyWords
            ?? throw new ImageConversionException("The image is encrypted with a key other than Tuya or all-zero; pass the source key (--from-key, 32 hex digits).");
        var code = file[..info.CodeLength];
        var converted = CodeImage.ConvertKey(code, info.LogicalStart, source, to);
        var output = new byte[file.Length];
        converted.CopyTo(output, 0);
        file[info.CodeLength..].CopyTo(output.AsSpan(info.CodeLength));

        var back = CodeImage.ConvertKey(converted, info.LogicalStart, to, source);
        if (!back.AsSpan().SequenceEqual(code))
            throw new ImageConversionException("Round trip failed: converting back does not give the input; nothing written.", verifyFailed: true);
        if (to.IsTuya || to.IsZero)
        {
            var check = FirmwareInspector.Inspect(output);
            if (check.Key != to.Verdict || check.Kind != info.Kind)
                throw new ImageConversionException($"The converted image reads as {check.Kind}/{check.Key}, not {info.Kind}/{to.Verdict}; nothing written.", verifyFailed: true);
        }
        return new ImageConversion(output, info, Name(source), Name(to), source == to);
    }

    private static string Name(EfuseKey k) => k.IsTuya ? "tuya" : k.IsZero ? "zero" : k.ToString();
}
