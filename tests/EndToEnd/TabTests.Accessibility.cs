using Microsoft.Playwright;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 15 §7 in Debian's chromium: the tab's ledger and 统计, at a desk's width and a phone's, in zh-CN and en-US, pass
/// the WCAG 2.1 A/AA rules that axe-core (npm, run inside the page) checks — labels on every control, contrast, names,
/// language — and every control on screen is reached with the Tab key alone.
/// </summary>
public sealed partial class TabTests
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    [Fact]
    public Task Tab_PassesTheWcagChecks_AndEveryControlIsReachedByKeyboard_AtBothWidthsAndInBothLanguages() => RunScenarioAsync(async playground =>
    {
        await playground.OpenEveryoneAsync();
        await playground.CreateRoutineTalkAsync(DemoRoles.FirstCadre, DemoRoles.Talker, DemoRoles.Recorder, "第四会议室" + Guid.NewGuid().ToString("N")[..6]);
        var outside = new List<string>();

        foreach (var phone in new[] { false, true })
        {
            await using var office = await OpenTabAsync("陈静", outside, phone);
            var width = phone ? "phone" : "desk";
            Assert.NotEmpty(await RowsAsync(office));
            await AssertAccessibleAsync(office, $"ledger, zh-CN, {width}");

            await office.Page.ClickAsync("#nav-statistics");
            await office.Page.WaitForSelectorAsync("button.stat-figure");
            await AssertAccessibleAsync(office, $"统计, zh-CN, {width}");
            await office.Page.ScreenshotAsync(new() { Path = Path.Combine(Harness.RepoPaths.Artifacts, $"tab-statistics-{width}.png"), FullPage = true });

            await office.Page.ClickAsync("#lang");
            await office.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'en-US'");
            await office.Page.WaitForSelectorAsync("button.stat-figure");
            await AssertAccessibleAsync(office, $"statistics, en-US, {width}");

            await office.Page.ClickAsync("#nav-ledger");
            await office.Page.WaitForSelectorAsync("#ledger tbody tr");
            await AssertAccessibleAsync(office, $"ledger, en-US, {width}");
            Assert.True(office.Errors.Count == 0, "console errors:\n" + string.Join('\n', office.Errors));
        }

        Assert.Empty(outside);
    });

    /// <summary>axe-core finds no WCAG 2.1 A/AA violation on the page as it stands, and Tab alone reaches every control on screen.</summary>
    private static async Task AssertAccessibleAsync(TabPage tab, string view)
    {
        // Evaluated through the browser's debugging protocol, which the page's script policy does not govern: nothing is fetched.
        await tab.Page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(Harness.RepoPaths.NodeModules, "axe-core", "axe.min.js")));
        var violations = await tab.Page.EvaluateAsync<string[]>("""
            async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations
              .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`)
            """, WcagTags);
        Assert.True(violations.Length == 0, $"{view}: WCAG violations:\n" + string.Join('\n', violations));

        var controls = await tab.Page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll({Focusable})].filter({Visible}).map({Describe})");
        var reached = new HashSet<string>(StringComparer.Ordinal);
        await tab.Page.EvaluateAsync("() => { document.activeElement?.blur(); window.getSelection()?.removeAllRanges(); }");
        for (var i = 0; i < controls.Length + 3; i++)
        {
            await tab.Page.Keyboard.PressAsync("Tab");
            reached.Add(await tab.Page.EvaluateAsync<string>($"() => ({Describe})(document.activeElement)"));
        }

        var missed = controls.Where(c => !reached.Contains(c)).ToList();
        Assert.True(missed.Count == 0, $"{view}: not reached by Tab: " + string.Join(", ", missed));
        Assert.True(controls.Length > 5, $"{view}: only {controls.Length} controls on screen");
    }

    private const string Focusable = "'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]):not([type=hidden]), textarea, [tabindex]:not([tabindex=\"-1\"])'";

    private const string Visible = "e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; }";

    /// <summary>A control as the test names it: tag, id or accessible text, and its place among its like.</summary>
    private const string Describe =
        "e => !e ? '' : `${e.tagName.toLowerCase()}#${e.id || (e.getAttribute('aria-label') || e.textContent || e.name || '').trim().slice(0, 40)}@${[...document.querySelectorAll(e.tagName)].indexOf(e)}`";
}
