namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>
/// The tenants the bot serves, and so the tenants whose tokens and activities it accepts. SingleTenant and
/// UserAssignedMSI: <c>MicrosoftAppTenantId</c> plus <c>Connector:Tenants</c>. MultiTenant (legacy): those listed,
/// or any tenant when none is listed.
/// </summary>
public sealed class TenantPolicy
{
    // PROTOCOL §1: the Bot Framework's own tenants, whose Entra tokens the SDK takes for legacy multi-tenant bots.
    internal static readonly string[] BotFrameworkTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private readonly HashSet<string>? served;
    private readonly bool multiTenant;

    public TenantPolicy(BotConnectorOptions bot, EdgeOptions edge)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(edge);
        multiTenant = bot.IsMultiTenant;
        var listed = edge.Tenants.Append(bot.MicrosoftAppTenantId ?? "").Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim());
        served = multiTenant && edge.Tenants.Length == 0 ? null : new HashSet<string>(listed, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether an activity of <paramref name="tenant"/> is served; an activity naming no tenant is not, once tenants are bound.</summary>
    public bool Serves(string? tenant) => served is null || (tenant is not null && served.Contains(tenant));

    /// <summary>
    /// The tenants whose Entra issuers are accepted: the tenants served, and for a legacy multi-tenant bot the Bot
    /// Framework's own. Never the tenant a token names for itself.
    /// </summary>
    public IEnumerable<string> EntraIssuerTenants => multiTenant ? BotFrameworkTenants.Concat(served ?? []) : served ?? [];
}
