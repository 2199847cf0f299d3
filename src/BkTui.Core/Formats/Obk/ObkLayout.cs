namespace BkTui.Core.Formats.Obk;

/// <summary>Field offsets of the OpenBeken config structure (flash-formats.md §8.3).</summary>
internal static class ObkLayout
{
    public const int SectorSize = 4096;
    public const int LengthV4 = 0xE00;
    public const int LengthV3 = 0x7E0;
    public const int Version = 0x004;
    public const int Flags0 = 0x008;
    public const int Flags1 = 0x00C;
    public const int WifiSsid = 0x014;
    public const int WifiPassword = 0x054;
    public const int MqttHost = 0x094;
    public const int MqttClientId = 0x194;
    public const int MqttUser = 0x1D4;
    public const int MqttPassword = 0x214;
    public const int MqttPort = 0x294;
    public const int WebAppRoot = 0x298;
    public const int ShortName = 0x2DE;
    public const int LongName = 0x2FE;
    public const int PinRoles = 0x33E;
    public const int PinChannels = 0x35E;
    public const int PinChannels2 = 0x37E;
    public const int ChannelTypes = 0x39E;
    public const int NtpServer = 0x478;
    public const int ButtonShort = 0x4B8;
    public const int ButtonLong = 0x4B9;
    public const int ButtonRepeat = 0x4BA;
    public const int StaticIp = 0x527;
    public const int MqttGroup = 0x554;
    public const int BootOkSeconds = 0x597;
    public const int PingHost = 0x5A0;
    public const int StartupCommand = 0x5E0;
    public const int StartupCommandSize = 1568;
    public const int WifiSsid2 = 0xC00;
    public const int WifiPassword2 = 0xC84;
}
