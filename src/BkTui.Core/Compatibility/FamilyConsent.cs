using BkTui.Core.Chips;

namespace BkTui.Core.Compatibility;

/// <summary>
/// The typed consent for an image whose chip family cannot be told from its content: the user names
/// the family they know it is built for, and the gate holds that word against the linked chip (a
/// named family of other silicon is refused like a wrong build). The workstation asks for it; the CLI's
/// <c>--allow-unknown-family</c> is the same consent without a family. The wording lives here so every
/// shell says the same.
/// </summary>
public static class FamilyConsent
{
    /// <summary>The one-line question; <paramref name="lastSeen"/> = the family the archive last saw on the adapter.</summary>
    public static string Prompt(string name, ChipFamily? lastSeen) =>
        $"{name} names no chip family. Type the family it is built for" +
        (lastSeen is { } f ? $" (this adapter last held a {f})" : "") + " to write it, Esc to cancel: ";

    /// <summary>The family typed (a name or alias, any case), or why the answer is no consent.</summary>
    public static (ChipFamily? Family, string? Problem) Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return (null, "No family typed: no consent, nothing was queued.");
        if (!ChipProfiles.TryFind(typed, out var profile))
            return (null, $"'{typed.Trim()}' is not a chip family ({string.Join(", ", ChipProfiles.All.Select(p => p.Family))}): no consent, nothing was queued.");
        return (profile.Family, null);
    }
}
