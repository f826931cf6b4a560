using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalkBot.Cards.Localization;
using TalkBot.EndToEnd.Tests.Harness;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Drives the Agents Playground web client (0.2.28) as one or more people. Each person has their own
/// Playground instance and browser tab; <see cref="SwitchUserAsync(int)"/> moves to that tab, opening it
/// (and so installing the bot for that person) on first use. See README.md for the DOM this relies on.
/// </summary>
public sealed partial class PlaygroundPage : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private const string Composer = "[data-lexical-editor=true]";
    private const string TopLevelCard = ".ac-preview-panel > .ac-adaptiveCard";
    private const string BotMessage = ".fai-OutputCard";

    private readonly PeersFixture _peers;
    private readonly IBrowserContext _context;
    private readonly Dictionary<int, IPage> _pages = [];

    private PlaygroundPage(PeersFixture peers, IBrowserContext context)
    {
        _peers = peers;
        _context = context;
    }

    /// <summary>The person whose tab is in front.</summary>
    public Person CurrentUser { get; private set; } = null!;

    /// <summary>The current person's tab, for anything the helpers below do not cover.</summary>
    public IPage Page => _pages[CurrentUser.Index];

    /// <summary>Opens the Playground as <paramref name="person"/> (default: the config's currentUser).</summary>
    public static async Task<PlaygroundPage> OpenAsync(PeersFixture peers, int person = 0)
    {
        var context = await peers.Browser.NewContextAsync(new()
        {
            Locale = "zh-CN",
            ViewportSize = new() { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout((float)DefaultTimeout.TotalMilliseconds);
        var page = new PlaygroundPage(peers, context);
        try
        {
            await page.SwitchUserAsync(person);
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }

        return page;
    }

    public Task SwitchUserAsync(string displayName)
    {
        var person = _peers.People.FirstOrDefault(p => p.Name == displayName)
            ?? throw new ArgumentException(
                $"No person named {displayName}; the config has {string.Join(", ", _peers.People.Select(p => p.Name))}.",
                nameof(displayName));
        return SwitchUserAsync(person.Index);
    }

    /// <summary>
    /// Brings <paramref name="person"/>'s tab to the front. The first time, this starts their Playground and
    /// opens the page, which sends installationUpdate and conversationUpdate to the bot; only then can the bot
    /// reach that person proactively. Messages the bot sent while the tab was closed appear when it opens.
    /// </summary>
    public async Task SwitchUserAsync(int person)
    {
        var instance = await _peers.GetPlaygroundAsync(person);
        if (!_pages.TryGetValue(person, out var page))
        {
            page = await _context.NewPageAsync();
            _pages[person] = page;
            await page.GotoAsync(instance.Url.ToString());
            await page.Locator(Composer).WaitForAsync(new() { State = WaitForSelectorState.Visible });
            // The log panel lists each activity with the bot's HTTP status; wait until the install pair is through.
            await page.GetByText(InstallDoneLine()).First.WaitForAsync();
        }

        CurrentUser = instance.Person;
        await page.BringToFrontAsync();
    }

    /// <summary>Opens every person's tab, so the bot knows all their conversations.</summary>
    public async Task OpenEveryoneAsync()
    {
        var current = CurrentUser.Index;
        foreach (var person in _peers.People)
        {
            await SwitchUserAsync(person.Index);
        }

        await SwitchUserAsync(current);
    }

    public async Task SendMessageAsync(string text)
    {
        var composer = Page.Locator(Composer);
        await composer.FillAsync(text);
        await composer.PressAsync("Enter");
        await Assertions.Expect(composer).ToHaveTextAsync(string.Empty);
    }

    /// <summary>The newest top-level Adaptive Card in the current chat whose text contains <paramref name="text"/>.</summary>
    public async Task<ILocator> WaitForCardAsync(string text, TimeSpan? timeout = null)
    {
        var card = Page.Locator(TopLevelCard).Filter(new() { HasText = text }).Last;
        await card.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Ms(timeout) });
        return card;
    }

    /// <summary>The newest top-level card containing every one of <paramref name="texts"/>.</summary>
    public async Task<ILocator> WaitForCardWithAllAsync(TimeSpan? timeout, params string[] texts)
    {
        var cards = Page.Locator(TopLevelCard);
        foreach (var text in texts)
        {
            cards = cards.Filter(new() { HasText = text });
        }

        var card = cards.Last;
        await card.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Ms(timeout) });
        return card;
    }

    /// <summary>
    /// Lets messages the bot's scheduler sends at one moment (one poll) arrive: each new message re-renders the chat
    /// and gives card inputs new ids, so a form is filled only once the chat is quiet.
    /// </summary>
    public static Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(5));

    /// <summary>The newest bot message (text or card) containing <paramref name="text"/>.</summary>
    public async Task<ILocator> WaitForBotMessageAsync(string text, TimeSpan? timeout = null)
    {
        var message = Page.Locator(BotMessage).Filter(new() { HasText = text }).Last;
        await message.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Ms(timeout) });
        return message;
    }

    /// <summary>
    /// Fills the input labelled <paramref name="label"/> (the card's <c>label</c> property, which the renderer
    /// turns into a &lt;label for&gt;; element ids are random, so an input without a label is found by placeholder).
    /// Dates are yyyy-MM-dd, times HH:mm, toggles "true"/"false"; a choice set takes a choice title.
    /// </summary>
    public async Task FillInputAsync(ILocator card, string label, string value)
    {
        var control = await FindControlAsync(card, label);
        switch (await KindOfAsync(control))
        {
            case "date":
                await control.FillAsync(value);
                // Enter commits the typed date; the calendar it opens is then closed.
                await control.PressAsync("Enter");
                await control.PressAsync("Escape");
                break;
            case "time":
                await control.FillAsync(value);
                await control.PressAsync("Enter");
                // The list of times stays open over the inputs below; Escape keeps the typed time.
                if (await control.GetAttributeAsync("aria-expanded") == "true")
                {
                    await control.PressAsync("Escape");
                }

                break;
            case "combobox":
            case "radiogroup":
            case "checkgroup":
                await SelectChoicesAsync(card, label, value);
                break;
            case "checkbox":
                // The renderer draws its own box over a visually hidden input.
                await control.SetCheckedAsync(bool.Parse(value), new() { Force = true });
                break;
            default:
                await control.FillAsync(value);
                break;
        }
    }

    /// <summary>Makes exactly <paramref name="titles"/> selected in the choice set labelled <paramref name="label"/>.</summary>
    public async Task SelectChoicesAsync(ILocator card, string label, params string[] titles)
    {
        var control = await FindControlAsync(card, label);
        var kind = await KindOfAsync(control);
        if (kind is "radiogroup" or "checkgroup")
        {
            foreach (var option in await control.Locator("input").AllAsync())
            {
                var name = await option.EvaluateAsync<string>("i => i.labels?.[0]?.innerText?.trim() ?? ''");
                var wanted = titles.Any(t => Matches(name, t));
                if (wanted || kind == "checkgroup")
                {
                    await option.SetCheckedAsync(wanted, new() { Force = true });
                }
            }

            return;
        }

        if (kind != "combobox")
        {
            throw new InvalidOperationException($"The input labelled {label} is a {kind}, not a choice set.");
        }

        if (await control.GetAttributeAsync("aria-expanded") != "true")
        {
            await control.ClickAsync();
        }

        var list = Page.Locator(".fui-Listbox").Filter(new() { Visible = true }).Last;
        await list.WaitForAsync();
        var multi = await list.GetAttributeAsync("role") == "menu";
        if (!multi && titles.Length != 1)
        {
            throw new ArgumentException($"The choice set labelled {label} takes one choice.", nameof(titles));
        }

        foreach (var option in await list.Locator(".fui-Option").AllAsync())
        {
            var name = (await option.InnerTextAsync()).Trim();
            var wanted = titles.Any(t => Matches(name, t));
            if (multi)
            {
                var isChecked = await option.GetAttributeAsync("aria-checked") == "true";
                if (wanted != isChecked)
                {
                    await option.ClickAsync();
                }
            }
            else if (wanted)
            {
                await option.ClickAsync();
                return;
            }
        }

        if (multi)
        {
            await control.PressAsync("Escape");
        }
        else
        {
            throw new ArgumentException($"No choice {titles[0]} in the choice set labelled {label}.", nameof(titles));
        }
    }

    // TalkBot's person choices read "Name · unit · post": a test names the person, not their unit or post.
    private static bool Matches(string choice, string title) =>
        choice == title || choice.StartsWith(title + " · ", StringComparison.Ordinal);

    /// <summary>Clicks the action button with this title (Action.Execute, Action.ShowCard, Action.Submit…).</summary>
    public async Task ClickActionAsync(ILocator card, string title)
    {
        var button = card.GetByRole(AriaRole.Button, new() { Name = title, Exact = true })
            .Filter(new() { Visible = true }).Last;
        await button.ClickAsync();
    }

    /// <summary>
    /// As the current user (an organiser), sends 新建谈话, fills the form for a routine talk on the earliest date the
    /// form offers, and returns the 谈话已创建 card.
    /// </summary>
    public async Task<ILocator> CreateRoutineTalkAsync(string talkee, string talker, string recorder, string place)
    {
        await SendMessageAsync("新建谈话");
        var form = await WaitForCardAsync("创建并发送通知书");
        await SelectChoicesAsync(form, "谈话对象", talkee);
        await SelectChoicesAsync(form, "谈话人", talker);
        await SelectChoicesAsync(form, "记录人", recorder);
        await SelectChoicesAsync(form, "谈话类型", "日常廉政谈话");
        await FillInputAsync(form, "谈话地点", place);
        await ClickActionAsync(form, "创建并发送通知书");
        return await WaitForCardAsync("谈话已创建");
    }

    /// <summary>The labels of the card's inputs as <see cref="FillInputAsync"/> matches them, in order.</summary>
    public static Task<string[]> GetInputLabelsAsync(ILocator card) => card.EvaluateAsync<string[]>("""
        card => [...card.querySelectorAll('label[for]')]
          .map(l => l.innerText.replace(/\s+/g, ' ').trim().replace(/\s*\*$/, ''))
        """);

    /// <summary>Saves the current tab; a relative path goes under TestResults/EndToEnd.</summary>
    public async Task<string> ScreenshotAsync(string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(RepoPaths.Artifacts, path);
        await Page.ScreenshotAsync(new() { Path = full, FullPage = true });
        return full;
    }

    public static Task<string> GetCardTextAsync(ILocator card) => card.InnerTextAsync();

    /// <summary>Texts of all bot messages in the current chat, oldest first.</summary>
    public Task<IReadOnlyList<string>> GetBotMessageTextsAsync() => Page.Locator(BotMessage).AllInnerTextsAsync();

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private static async Task<ILocator> FindControlAsync(ILocator card, string label)
    {
        const string script = """
            (card, label) => {
              const clean = s => s.replace(/\s+/g, ' ').trim().replace(/\s*\*$/, '');
              const found = [...card.querySelectorAll('label[for]')].filter(l => clean(l.innerText) === label);
              return found.length ? found[found.length - 1].getAttribute('for') : null;
            }
            """;
        var id = await card.EvaluateAsync<string?>(script, label);
        if (id is not null)
        {
            return card.Locator($"[id='{id}']");
        }

        var byPlaceholder = card.GetByPlaceholder(label, new() { Exact = true }).Last;
        if (await byPlaceholder.CountAsync() > 0)
        {
            return byPlaceholder;
        }

        throw new InvalidOperationException($"No input labelled {label} in the card: {await card.InnerTextAsync()}");
    }

    private static Task<string> KindOfAsync(ILocator control) => control.EvaluateAsync<string>("""
        e => e.closest('.fui-DatePicker') ? 'date'
           : e.closest('.fui-TimePicker') ? 'time'
           : e.getAttribute('role') === 'combobox' ? 'combobox'
           : e.getAttribute('role') === 'radiogroup' ? 'radiogroup'
           : e.querySelector && e.querySelector('input[type=checkbox]') ? 'checkgroup'
           : e.type === 'checkbox' ? 'checkbox'
           : e.tagName.toLowerCase()
        """);

    private static float? Ms(TimeSpan? timeout) => timeout is { } t ? (float)t.TotalMilliseconds : null;

    [GeneratedRegex(@"conversationUpdate \d{3}")]
    private static partial Regex InstallDoneLine();
}
