using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BkTui.Core.Formats.TuyaKv;

/// <summary>A GPIO named in the Tuya module configuration and what it drives.</summary>
public sealed record TuyaPin(string Key, int Pin, string Role);

/// <summary>
/// Translates Tuya configuration keys into pin roles, as OpenBeken users need them
/// (flash-formats.md §7.6, GFT's mapping). Level keys (<c>*_lv</c>) are not pins.
/// </summary>
public static partial class TuyaPinRoles
{
    public static IReadOnlyList<TuyaPin> Extract(JsonObject? config)
    {
        if (config is null) return [];
        var pins = new List<TuyaPin>();
        foreach (var (key, value) in config)
        {
            if (value is not JsonValue v || !v.TryGetValue<long>(out var n) || n is < 0 or > 63) continue;
            var role = RoleOf(key);
            if (role is not null) pins.Add(new TuyaPin(key, (int)n, role));
        }
        return pins.OrderBy(p => p.Pin).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The role of a configuration key, or null when the key is not a pin.</summary>
    public static string? RoleOf(string key)
    {
        var k = key.ToLowerInvariant();
        string Ch(string prefix) => Digits(k, prefix) is { } d ? $" {d}" : "";
        return k switch
        {
            "wfst" or "wfst_pin" or "status_led_pin" => "WiFi LED",
            "rl" => "Relay",
            "bt" or "bt_pin" or "reset_pin" => "Button",
            "total_bt_pin" => "Button (toggle all)",
            "gate_sensor_pin_pin" => "Gate sensor input",
            "basic_pin_pin" => "PIR input",
            "ele_pin" or "epin" => "BL0937 CF",
            "vi_pin" or "ivpin" => "BL0937 CF1",
            "sel_pin_pin" or "ivcpin" => "BL0937 SEL",
            "r_pin" => "PWM red", "g_pin" => "PWM green", "b_pin" => "PWM blue",
            "c_pin" => "PWM cool white", "w_pin" => "PWM warm white",
            "irpin" or "infrr" or "ir" => "IR receiver",
            "infre" => "IR transmitter",
            "remote_io" => "RF remote receiver",
            "samp_sw_pin" => "Battery relay",
            "samp_pin" => "Battery ADC",
            "mosi" => "SPI LED data",
            "iicscl" => "I2C SCL",
            "iicsda" => "I2C SDA",
            _ when k.StartsWith("netled") && k.EndsWith("_pin") => "WiFi LED",
            _ when RelayOnOff().IsMatch(k) => (k.StartsWith("rl_on") ? "Bistable relay on" : "Bistable relay off") + Ch(k.StartsWith("rl_on") ? "rl_on" : "rl_off"),
            _ when Numbered().Match(k) is { Success: true } m => m.Groups[1].Value switch
            {
                "led" => "LED" + Ch("led"),
                "rl" => "Relay" + Ch("rl"),
                "bt" => "Button" + Ch("bt"),
                _ => null,
            },
            _ when ButtonK().IsMatch(k) => "Button" + Ch("k"),
            _ when DoorMagnet().IsMatch(k) => "Door sensor input" + Ch("door"),
            _ when OnOff().IsMatch(k) => "Toggle input" + Ch("onoff"),
            _ when k.EndsWith("_pin") => "GPIO",
            _ => null,
        };
    }

    private static string? Digits(string key, string prefix)
    {
        var rest = key[prefix.Length..];
        var d = new string(rest.TakeWhile(char.IsDigit).ToArray());
        return d.Length > 0 ? d : null;
    }

    [GeneratedRegex("^(led|rl|bt)[0-9]+_pin$")] private static partial Regex Numbered();
    [GeneratedRegex("^rl_(on|off)[0-9]+_pin$")] private static partial Regex RelayOnOff();
    [GeneratedRegex("^k[0-9]+pin_pin$")] private static partial Regex ButtonK();
    [GeneratedRegex("^door[0-9]*_magt_pin$")] private static partial Regex DoorMagnet();
    [GeneratedRegex("^onoff[0-9]+$")] private static partial Regex OnOff();
}
