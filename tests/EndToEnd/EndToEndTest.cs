using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using TalkBot.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Base for Playground scenarios: opens a fresh browser context per test and, when the scenario fails,
/// saves a screenshot and prints the peers' log so the failure can be understood from the test output.
/// </summary>
[Collection(PeersCollection.Name)]
public abstract class EndToEndTest(PeersFixture peers, ITestOutputHelper output)
{
    protected PeersFixture Peers { get; } = peers;

    protected async Task RunScenarioAsync(Func<PlaygroundPage, Task> scenario, [CallerMemberName] string name = "")
    {
        PlaygroundPage? playground = null;
        try
        {
            playground = await PlaygroundPage.OpenAsync(Peers);
            await scenario(playground);
        }
        catch (Exception)
        {
            if (playground is not null)
            {
                try
                {
                    output.WriteLine("Screenshot: " + await playground.ScreenshotAsync($"{name}-failed.png"));
                }
                catch (PlaywrightException e)
                {
                    output.WriteLine("No screenshot: " + e.Message);
                }
            }

            output.WriteLine("Peers' log (tail):");
            output.WriteLine(Peers.Log.Tail());
            throw;
        }
        finally
        {
            if (playground is not null)
            {
                await playground.DisposeAsync();
            }
        }
    }

    /// <summary>A signed-in tab, with what its console reported as errors (and the page's uncaught exceptions).</summary>
    protected sealed record TabPage(IBrowserContext Context, IPage Page, List<string> Errors) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    /// <summary>Opens the tab in a fresh context and signs in as <paramref name="name"/>; requests for anything off 127.0.0.1 are refused and noted.</summary>
    protected async Task<TabPage> OpenTabAsync(string name, List<string> outside, bool phone = false)
    {
        var context = await Peers.Browser.NewContextAsync(new()
        {
            Locale = "zh-CN",
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1300, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Host != "127.0.0.1")
            {
                lock (outside)
                {
                    outside.Add(route.Request.Url);
                }

                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        await page.GotoAsync(new Uri(Peers.BotUrl, "/tab/").ToString());
        var person = Peers.People.Single(p => p.Name == name);
        await page.SelectOptionAsync("#dev-person", person.AadObjectId);
        await page.ClickAsync("#dev-signin button[type=submit]");
        await page.WaitForSelectorAsync("#ledger-summary:not(:empty)");
        Assert.Contains(name, await page.InnerTextAsync("#who"), StringComparison.Ordinal);
        return new TabPage(context, page, errors);
    }

    /// <summary>The ledger's rows on screen, by column label, once <paramref name="ready"/> holds (the table reloads after a filter).</summary>
    protected static async Task<List<Dictionary<string, string>>> RowsAsync(TabPage tab, Func<List<Dictionary<string, string>>, bool>? ready = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var rows = await tab.Page.EvaluateAsync<Dictionary<string, string>[]>("""
                () => [...document.querySelectorAll('#ledger tbody tr')].map(tr =>
                  Object.fromEntries([...tr.querySelectorAll('td')].map(td => [td.dataset.label, td.innerText.trim()])))
                """);
            var list = rows.ToList();
            if ((ready ?? (r => r.Count > 0))(list) || attempt >= 40)
            {
                return list;
            }

            await Task.Delay(250);
        }
    }
}
