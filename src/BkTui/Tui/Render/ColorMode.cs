namespace BkTui.Tui.Render;

/// <summary>How styles are turned into SGR: nothing at all, attributes only, 16 colours, 256 colours.</summary>
public enum ColorMode
{
    None,
    Mono,
    Ansi16,
    Ansi256,
}

/// <summary>Chooses the colour mode from the environment (NO_COLOR, TERM) or an explicit override.</summary>
public static class ColorModes
{
    /// <summary>
    /// <paramref name="overrideValue"/>: null or "auto" to detect, else none|mono|16|256.
    /// Detection: NO_COLOR (non-empty) → mono; TERM unset or dumb → none; *-256color/*direct → 256;
    /// other known colour terminals → 16; anything else → mono.
    /// </summary>
    public static ColorMode Detect(Func<string, string?> getEnv, string? overrideValue = null)
    {
        var forced = Parse(overrideValue);
        if (forced is { } f) return f;
        if (!string.IsNullOrEmpty(getEnv("NO_COLOR"))) return ColorMode.Mono;
        var term = getEnv("TERM")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(term) || term == "dumb") return ColorMode.None;
        if (term.Contains("256color") || term.EndsWith("-direct") || term.Contains("truecolor")) return ColorMode.Ansi256;
        string[] colour16 = ["xterm", "screen", "tmux", "linux", "rxvt", "vt220-color", "ansi", "cygwin", "putty", "konsole", "gnome", "alacritty", "kitty", "foot", "st"];
        foreach (var prefix in colour16)
            if (term == prefix || term.StartsWith(prefix + "-") || term.StartsWith(prefix + ".")) return ColorMode.Ansi16;
        if (term.Contains("color")) return ColorMode.Ansi16;
        return ColorMode.Mono;
    }

    /// <summary>Detects from the process environment.</summary>
    public static ColorMode Detect(string? overrideValue = null) => Detect(Environment.GetEnvironmentVariable, overrideValue);

    /// <summary>Parses none|mono|16|256 (null for auto/empty); throws on anything else.</summary>
    public static ColorMode? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => null,
        "none" or "never" => ColorMode.None,
        "mono" or "monochrome" => ColorMode.Mono,
        "16" or "ansi" => ColorMode.Ansi16,
        "256" or "always" => ColorMode.Ansi256,
        _ => throw new ArgumentException($"unknown colour mode '{value}' (use auto, none, mono, 16 or 256)"),
    };
}
