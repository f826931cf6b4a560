namespace TalkBot.Bot.Features.Reach;

/// <summary>Reaching cadres who never opened TalkBot (section <c>Reach</c>): the app installed for them through Graph.</summary>
public sealed class ReachOptions
{
    public const string Section = "Reach";

    /// <summary>
    /// The Teams app's id in the tenant's app catalog (Teams admin centre → Manage apps → TalkBot → App ID; for an app
    /// from the store it is the manifest id). Empty: nobody is installed for, and such people stay unreachable.
    /// </summary>
    public string CatalogAppId { get; set; } = string.Empty;

    /// <summary>The Bot Connector to open conversations at when none was seen yet (PROTOCOL §3: the global one).</summary>
    public string ServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>The tenant of the conversations; empty: <c>MicrosoftAppTenantId</c>, then <c>Graph:TenantId</c>.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The bot's id in conversations; empty: <c>28:</c> and <c>MicrosoftAppId</c>.</summary>
    public string BotId { get; set; } = string.Empty;

    public string BotName { get; set; } = "TalkBot";

    /// <summary>Installs sent to Graph per second, and at once (a plan day's many first-time talkers).</summary>
    public int InstallsPerSecond { get; set; } = 10;

    public int Concurrency { get; set; } = 4;

    /// <summary>Tries of one install on 429 (after Graph's Retry-After), 502, 503 and 504.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>After Graph refused the permission, how long before an install is tried again (an administrator may consent meanwhile).</summary>
    public TimeSpan PermissionRecheck { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(CatalogAppId);
}
