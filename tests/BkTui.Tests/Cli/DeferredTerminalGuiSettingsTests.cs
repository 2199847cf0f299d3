using System.Reflection;
using System.Xml.Linq;
using BkTui.Cli;
using BkTui.Tests.TestSupport;
using Terminal.Gui.Configuration;

namespace BkTui.Tests.Cli;

/// <summary>
/// The Native AOT publish empties Terminal.Gui's module initializer and the TUI redoes its work
/// (DeferredTerminalGuiSettings). That is only right while the initializer does nothing else: a
/// Terminal.Gui upgrade that renames it or gives it more to do must fail here, not in a shipped TUI.
/// </summary>
public class DeferredTerminalGuiSettingsTests
{
    private static readonly string Xml = Path.Combine(RepoPaths.Root, "src/BkTui/Cli/DeferredTerminalGuiSettings.xml");

    [Fact]
    public void The_stub_names_an_existing_parameterless_initializer_behind_the_switch()
    {
        var assembly = XDocument.Load(Xml).Descendants("assembly").Single();
        Assert.Equal(DeferredTerminalGuiSettings.Switch, (string?)assembly.Attribute("feature"));
        Assert.Equal("Terminal.Gui", (string?)assembly.Attribute("fullname"));
        var init = Initializer();
        Assert.NotNull(init.GetCustomAttribute<System.Runtime.CompilerServices.ModuleInitializerAttribute>());
        Assert.Equal(typeof(void), init.ReturnType);
        Assert.Empty(init.GetParameters());
    }

    [Fact]
    public void The_initializer_only_applies_the_shared_settings_which_the_tui_redoes()
    {
        var calls = CalledMethods(Initializer()).Select(m => $"{m.DeclaringType?.Name}.{m.Name}").ToHashSet();
        Assert.Contains($"{nameof(TuiConfigurationBuilder)}.{nameof(TuiConfigurationBuilder.ApplyToStaticFacades)}", calls);
        // Besides that: reading Shared, and reporting a failure (message text into Terminal.Gui's error list).
        string[] allowed = ["TuiConfigurationBuilder.get_Shared", "TuiConfigurationBuilder.ApplyToStaticFacades", "Exception.get_Message", "String.Concat", "TuiJsonErrors.Add"];
        Assert.Empty(calls.Except(allowed));
    }

    private static MethodInfo Initializer()
    {
        var type = XDocument.Load(Xml).Descendants("type").Single();
        var method = type.Element("method")!;
        var name = ((string)method.Attribute("signature")!).Split(' ')[1].TrimEnd(')', '(');
        var declaring = typeof(TuiConfigurationBuilder).Assembly.GetType((string)type.Attribute("fullname")!, throwOnError: true)!;
        return declaring.GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!;
    }

    /// <summary>Targets of call, callvirt and newobj in the method's IL (tokens of methods: tables 0x06, 0x0A, 0x2B).</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F or 0x73) || il[i + 4] is not (0x06 or 0x0A or 0x2B)) continue;
            MethodBase? target = null;
            try { target = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1)); }
            catch (ArgumentException) { }
            if (target is not null) yield return target;
        }
    }
}
