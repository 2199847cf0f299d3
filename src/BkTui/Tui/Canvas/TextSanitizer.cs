namespace BkTui.Tui.Canvas;

/// <summary>Keeps control characters (C0, DEL, C1) from device data out of the terminal.</summary>
public static class TextSanitizer
{
    public static bool IsControl(char c) => c < 0x20 || (c >= 0x7f && c <= 0x9f);

    /// <summary>Replaces every control character with <paramref name="replacement"/>.</summary>
    public static string Clean(string text, char replacement = ' ')
    {
        int i = 0;
        while (i < text.Length && !IsControl(text[i])) i++;
        if (i == text.Length) return text;
        return string.Create(text.Length, (text, replacement), static (dst, s) =>
        {
            for (int k = 0; k < s.text.Length; k++)
                dst[k] = IsControl(s.text[k]) ? s.replacement : s.text[k];
        });
    }
}
