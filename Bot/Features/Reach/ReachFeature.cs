using TalkBot.Bot.Infrastructure.Graph;

namespace TalkBot.Bot.Features.Reach;

/// <summary>
/// Reaching every cadre (issue 14): with <c>Reach:CatalogAppId</c> set, someone TalkBot holds no chat for has the app
/// installed for them through Graph and a conversation opened before a card goes to them (<see cref="GraphConversationOpener"/>).
/// </summary>
public static class ReachFeature
{
    public static IServiceCollection AddReach(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ReachOptions();
        configuration.GetSection(ReachOptions.Section).Bind(options);
        if (!options.Enabled)
        {
            return services;
        }

        options.TenantId = FirstOf(options.TenantId, configuration["MicrosoftAppTenantId"], GraphOptions.From(configuration).TenantId);
        options.BotId = FirstOf(options.BotId, configuration["MicrosoftAppId"] is { Length: > 0 } app ? "28:" + app : null, "28:talkbot");
        services.AddSingleton(options);
        services.AddGraphConnection(configuration);
        services.AddTable(ReachStore.Table);
        services.AddSingleton<ReachStore>();
        services.AddSingleton(new InstallLimiter(options));
        services.AddSingleton<TeamsAppInstaller>();
        services.AddSingleton<IConversationOpener, GraphConversationOpener>();
        services.AddSingleton<PermissionNotice>();
        services.AddJob<PermissionNotice>(PermissionNotice.Job, (notice, entry, ct) => notice.RunAsync(entry, ct));
        return services;
    }

    private static string FirstOf(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty;
}
