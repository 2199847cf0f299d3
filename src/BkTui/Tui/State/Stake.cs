namespace BkTui.Tui.State;

/// <summary>How much a line of a dialog weighs: plain fact, something to check, or what can break the chip.</summary>
public enum StakeLevel { Normal, Warning, Danger }

/// <summary>
/// One line of what a write puts at stake, shown as "label  text" in its dialog before any answer:
/// the ports by name, the range written, the bootloader, a key mismatch, another device's dump.
/// </summary>
public sealed record Stake(string Label, string Text, StakeLevel Level = StakeLevel.Normal);
