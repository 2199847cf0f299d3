using System.Text;

namespace BkTui.Core.Formats;

/// <summary>Fixed-size, NUL-terminated ASCII text fields as the flash structures store them (RBL, FAL, OBK config).</summary>
public static class AsciiField
{
    /// <summary>Text up to the first NUL; non-printable bytes shown as '?'.</summary>
    public static string Read(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        var s = end < 0 ? field : field[..end];
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(c is >= 0x20 and < 0x7F ? (char)c : '?');
        return sb.ToString();
    }

    /// <summary>Text only when every byte before the NUL is printable and every byte after it is 0 (real tables are NUL-padded).</summary>
    public static string? ReadStrict(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        if (end < 0) end = field.Length;
        foreach (var c in field[..end])
            if (c is < 0x20 or >= 0x7F) return null;
        if (field[end..].IndexOfAnyExcept((byte)0) >= 0) return null;
        return Encoding.ASCII.GetString(field[..end]);
    }

    /// <summary>Writes at most size−1 characters so the field always keeps a terminating NUL (the rest of the field is left as is).</summary>
    public static void Write(Span<byte> field, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        bytes.AsSpan(0, Math.Min(bytes.Length, field.Length - 1)).CopyTo(field);
    }
}
