using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.TestSupport;
using BkTui.Tests.Tui.Workstation;
using BkTui.Tui.Keys;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.Render;
using BkTui.Tui.Views.Hex;

namespace BkTui.Tests.Tui.Views.Hex;

/// <summary>
/// The hex view masks the OpenBeken config's passwords (·· in hex, • in text) with a note in its
/// title, S shows them for the session, and a search never lands on a masked one.
/// </summary>
public sealed class HexSecretsTests
{
    private const string Password = "pw-do-not-print-77";
    private static readonly Key Enter = Key.Of(KeyCode.Enter);

    private static byte[] Dump() => FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, IncludeObkConfig = true, WifiPassword = Password });

    /// <summary>The dump in the hex view with the cursor on the row before the password's.</summary>
    private static WorkstationHarness AtPassword(byte[] dump, long at, int w = 80, int h = 24, ColorMode mode = ColorMode.Ansi16)
    {
        var t = new WorkstationHarness(w, h, mode);
        t.Do(new HexOpened(HexDocument.FromBytes("obk.bin", dump))).Focus(HexPane.PaneIdValue);
        return t.Press("o").Press($"0x{(at & ~15L) - 16:X}").Press(Enter);
    }

    private static string Screen(WorkstationHarness t)
    {
        using var screen = new GuiScreen(t.App, t.Services);
        return screen.Text();
    }

    private static long PasswordAt(byte[] dump) => dump.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Password));

    [Fact]
    public void Password_IsMasked_WithANote_AndSShowsIt()
    {
        var dump = Dump();
        var t = AtPassword(dump, PasswordAt(dump));
        var masked = Screen(t);
        Assert.DoesNotContain(Password[..4], masked);
        Assert.DoesNotContain("70 77 2d 64", masked); // "pw-d" in the hex column
        Assert.Contains(new string('•', 12), masked);
        Assert.Contains("·· ··", masked);
        Assert.Contains("1 secret masked (S shows)", t.Pane<HexState>(HexPane.PaneIdValue).Status);

        t.Press("S");
        var shown = Screen(t);
        Assert.Contains(Password[..12], shown);
        Assert.Contains("70 77 2d 64", shown);
        Assert.Contains("secrets SHOWN (S hides)", t.Pane<HexState>(HexPane.PaneIdValue).Status);
        t.Press("S");
        Assert.DoesNotContain(Password[..4], Screen(t));
    }

    [Fact]
    public void Search_ForTheMaskedPassword_FindsNothing_UntilShown()
    {
        var dump = Dump();
        var t = AtPassword(dump, 0);
        t.Press("/").Press($"\"{Password[..8]}\"").Press(Enter);
        Assert.Contains("not found", t.State.Flash!.Text);
        Assert.True(t.Dumps.Hex.Offset < PasswordAt(dump) - 16 || t.Dumps.Hex.Offset > PasswordAt(dump) + Password.Length);
        t.Press("S").Press("/").Press($"\"{Password[..8]}\"").Press(Enter);
        Assert.Equal(PasswordAt(dump), t.Dumps.Hex.Offset);
    }

    [Fact]
    public void RevealSecretsOption_ShowsThemFromTheStart()
    {
        var dump = Dump();
        var t = new WorkstationHarness();
        t.Dumps.Hex.RevealSecrets = true; // what the workstation does with bktui tui --reveal-secrets
        t.Do(new HexOpened(HexDocument.FromBytes("obk.bin", dump))).Focus(HexPane.PaneIdValue);
        t.Press("o").Press($"0x{(PasswordAt(dump) & ~15L) - 16:X}").Press(Enter);
        Assert.Contains(Password[..12], Screen(t));
    }

    [Theory, MemberData(nameof(PaneBehaviourGuiTests.Sizes), MemberType = typeof(PaneBehaviourGuiTests))]
    public void Masked_Golden(int w, int h)
    {
        var dump = Dump();
        var t = AtPassword(dump, PasswordAt(dump), w, h, ColorMode.Mono);
        Golden.Verify($"hex-secrets-{w}x{h}-mono", t.App, t.Services);
    }

    [Fact]
    public void RealDumps_WithAnObkPassword_ShowNoneOfIt()
    {
        var found = false;
        foreach (var name in SharedDumps.Names())
        {
            var dump = SharedDumps.Load(name)!;
            var secrets = Core.Formats.Obk.ObkSecretRanges.Find(dump);
            if (secrets.Count == 0) continue;
            found = true;
            var t = AtPassword(dump, secrets[0].Start);
            var secret = Encoding.ASCII.GetString(dump, (int)secrets[0].Start, Math.Min(6, secrets[0].Length));
            if (secret.Length >= 4) Assert.DoesNotContain(secret, Screen(t));
        }
        if (!found) return; // no real dump in ../shared/dumps holds an OpenBeken config with a password (24 dumps checked on 2026-12-03)
    }

    /// <summary>
    /// Two dumps whose passwords differ: the row is marked ≠ (it is true), no byte of either password
    /// shows on either side, and the title says the differences are inside masked secrets.
    /// </summary>
    [Fact]
    public void Compare_MasksTheSecretsOfBothSides_AndSaysTheyDiffer()
    {
        const string Other = "Zq7Xk9Wv3Jm5Rt8Yp2Hb";
        var mine = Dump();
        var theirs = FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N, IncludeObkConfig = true, WifiPassword = Other });
        var t = AtPassword(mine, PasswordAt(mine));
        t.Do(new HexOpened(HexDocument.FromBytes("other.bin", theirs), AsCompare: true));
        var screen = Screen(t);
        Assert.Contains("≠", screen);
        foreach (var secret in new[] { Password, Other })
            for (int i = 0; i + 6 <= secret.Length; i++) Assert.DoesNotContain(secret.Substring(i, 6), screen);
        Assert.Contains("differences inside masked secrets", t.Dumps.Hex.StatusText);

        t.Press("S");
        Assert.DoesNotContain("differences inside masked secrets", t.Dumps.Hex.StatusText);
        Assert.Contains(Password[..12], Screen(t));
    }
}
