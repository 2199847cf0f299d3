using BkTui.Core.Archive;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Archive;

public class ArchiveLocationTests
{
    private static Func<string, string?> Env(params (string, string)[] vars) => name => vars.FirstOrDefault(v => v.Item1 == name).Item2;

    [Fact]
    public void OptionThenEnvironmentThenCheckoutThenXdg()
    {
        var outside = Path.GetTempPath();
        Assert.Equal("/srv/a", ArchiveLocation.Resolve("/srv/a", Env(("BKTUI_ARCHIVE", "/srv/b")), RepoPaths.Root));
        Assert.Equal("/srv/b", ArchiveLocation.Resolve(null, Env(("BKTUI_ARCHIVE", "/srv/b")), RepoPaths.Root));
        Assert.Equal(Path.Combine(RepoPaths.Root, "dumps"), ArchiveLocation.Resolve(null, Env(), AppContext.BaseDirectory));
        Assert.Equal("/data/x/bktui", ArchiveLocation.Resolve(null, Env(("XDG_DATA_HOME", "/data/x")), outside));
        Assert.Equal("/home/u/.local/share/bktui", ArchiveLocation.Resolve(null, Env(("HOME", "/home/u")), outside));
        Assert.Equal("/home/u/arch", ArchiveLocation.Resolve("~/arch", Env(("HOME", "/home/u")), outside));
    }
}
