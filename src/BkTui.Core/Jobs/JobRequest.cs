using System.Text.Json;
using System.Text.Json.Serialization;

namespace BkTui.Core.Jobs;

/// <summary>
/// What to run on which port. Persisted as JSON in the archive's jobs table so a queued job
/// survives a restart; it never holds a secret itself (the Wi-Fi password is read from its file
/// when the step runs).
/// </summary>
public sealed record JobRequest
{
    public required string Port { get; init; }
    public required Recipe Recipe { get; init; }
    /// <summary>Preferred baud; null = the one remembered for this adapter, else the flashing default.</summary>
    public int? Baud { get; init; }

    // flash
    public string? FirmwarePath { get; init; }
    /// <summary>Instead of a file: the cached OpenBeken build ("latest" or a tag) for the chip's family, chosen once the chip is identified.</summary>
    public string? FirmwareVersion { get; init; }
    /// <summary>Write even though the image's key differs from the chip's eFuse key.</summary>
    public bool AllowKeyMismatch { get; init; }
    /// <summary>Write an image whose chip family cannot be told from its content (docs/compatibility.md).</summary>
    public bool AllowUnknownFamily { get; init; }
    /// <summary>The family the user typed for such an image (the workstation's consent); the gate refuses it on a chip of other silicon.</summary>
    public Chips.ChipFamily? UnknownFamilyBuiltFor { get; init; }

    // reboot (flash, restore-factory, restore-rf)
    /// <summary>A second port wired to the chip's TX2, where the firmware logs its boot; null = listen on <see cref="Port"/>.</summary>
    public string? LogPort { get; init; }
    /// <summary>How long to listen for the boot log after the reboot (seconds); null = the default, 0 = do not listen.</summary>
    public double? BootListenSeconds { get; init; }

    // wifi
    public string? Ssid { get; init; }
    public string? PasswordFile { get; init; }
    public string? MqttHost { get; init; }
    public string? DeviceName { get; init; }

    // restore-factory
    public long? DumpId { get; init; }
    /// <summary>Consent to write the bootloader range (restore-factory, custom write).</summary>
    public bool AllowBootloader { get; init; }
    /// <summary>
    /// restore-factory on a chip that reports no MAC and whose own flash names no archived device: the
    /// dump's device (its MAC), typed by the user to say this board is that one.
    /// </summary>
    public string? ConfirmedDevice { get; init; }

    // restore-rf
    /// <summary>The device's true MAC (e.g. from its label or the original firmware's boot log), or "random"; see docs/identity.md.</summary>
    public string? Mac { get; init; }
    /// <summary>Use <see cref="Mac"/> even though it belongs to another archived device (the user insists).</summary>
    public bool ForceMac { get; init; }

    // custom
    public string? ReadPath { get; init; }
    public string? WritePath { get; init; }
    public uint? Start { get; init; }
    public uint? Length { get; init; }
    /// <summary>Consent to write a file holding another device's RF calibration (custom write, as <c>bktui write</c>).</summary>
    public bool AllowOtherDeviceRf { get; init; }
    /// <summary>Consent to change this chip's own RF calibration sector (custom write, as <c>bktui write</c>).</summary>
    public bool AllowRfOverwrite { get; init; }

    /// <summary>Null when the request is complete, else what is missing (said before anything runs).</summary>
    public string? Problem() => Recipe switch
    {
        _ when string.IsNullOrWhiteSpace(Port) => "a port is required",
        Recipe.Flash when string.IsNullOrWhiteSpace(FirmwarePath) == string.IsNullOrWhiteSpace(FirmwareVersion)
            => "flash needs exactly one of --firmware FILE or --firmware-version latest|TAG (a build cached by `bktui firmware get`)",
        Recipe.Wifi when string.IsNullOrWhiteSpace(Ssid) => "wifi needs --ssid",
        Recipe.Wifi when string.IsNullOrWhiteSpace(PasswordFile) => "wifi needs --password-file FILE",
        Recipe.RestoreFactory when DumpId is null => "restore-factory needs --dump ID",
        Recipe.RestoreRf when Mac is not null && RfMacChoice.Problem(Mac) is { } bad => bad,
        Recipe.Custom when (ReadPath is null) == (WritePath is null) => "custom needs exactly one of --read FILE or --write FILE",
        _ when BootListenSeconds is < 0 or > 600 => "--boot-listen must be between 0 and 600 seconds",
        _ when LogPort is not null && LogPort == Port => "--log-port must be another port than --port (the chip's TX2 on a second adapter)",
        Recipe.Custom when Start is null => "custom needs --start ADDRESS",
        Recipe.Custom when ReadPath is not null && Length is null => "custom --read needs --length N",
        _ => null,
    };

    // Generated at build time (no reflection; Native AOT has none to offer): camelCase, nulls left out,
    // the recipe as its camelCase name.
    private static readonly JobRequestJson Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter<Recipe>(JsonNamingPolicy.CamelCase) },
    });

    public string ToJson() => JsonSerializer.Serialize(this, Json.JobRequest);

    public static JobRequest FromJson(string json) =>
        JsonSerializer.Deserialize(json, Json.JobRequest) ?? throw new FormatException("Empty job request.");
}

[JsonSerializable(typeof(JobRequest))]
internal sealed partial class JobRequestJson : JsonSerializerContext;
