using BkTui.Cli;
using BkTui.Core.Jobs;
using BkTui.Tui.Commands;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Queue;

/// <summary>
/// The one-line prompts of the recipes that need more than a port: Wi-Fi credentials and a custom
/// read or write. Words are split like the ':' line (quotes allowed); numbers take 0x hex.
/// </summary>
public sealed partial class QueuePane
{
    public const string WifiPurpose = "wifi";
    public const string CustomPurpose = "custom";
    internal const string WifiPrompt = "Wi-Fi: SSID PASSWORD-FILE [MQTT-HOST [DEVICE-NAME]]: ";
    internal const string CustomPrompt = "Custom: read FILE START LENGTH | write FILE START: ";

    private Transition AddWifi(AppState app, string text)
    {
        var w = CommandLine.Tokenize(text);
        if (w.Length is < 2 or > 4) return AppReducer.Flash(app, "Wi-Fi needs: SSID PASSWORD-FILE [MQTT-HOST [DEVICE-NAME]] (the password stays in its file)", FlashLevel.Warning);
        return Add(app, Recipe.Wifi, null, r => r with
        {
            Ssid = w[0], PasswordFile = Path.GetFullPath(w[1]), MqttHost = w.ElementAtOrDefault(2), DeviceName = w.ElementAtOrDefault(3),
        });
    }

    private Transition AddCustom(AppState app, string text)
    {
        var w = CommandLine.Tokenize(text);
        var read = w.Length == 4 && w[0].Equals("read", StringComparison.OrdinalIgnoreCase);
        var write = w.Length == 3 && w[0].Equals("write", StringComparison.OrdinalIgnoreCase);
        if (!read && !write) return AppReducer.Flash(app, "custom needs: read FILE START LENGTH, or write FILE START", FlashLevel.Warning);
        uint start, length = 0;
        try
        {
            start = FlashVerb.ParseNumber(w[2], "START")!.Value;
            if (read) length = FlashVerb.ParseNumber(w[3], "LENGTH")!.Value;
        }
        catch (UsageException e)
        {
            return AppReducer.Flash(app, e.Message, FlashLevel.Warning);
        }
        var file = Path.GetFullPath(w[1]);
        return Add(app, Recipe.Custom, null, r => read
            ? r with { ReadPath = file, Start = start, Length = length }
            : r with { WritePath = file, Start = start });
    }
}
