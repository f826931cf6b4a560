using TalkBot.Bot.Handlers;

namespace TalkBot.Bot.Roles;

/// <summary>Role and rank assignment (SPEC §1): the store, the desk, the 角色管理 command and its card verbs.</summary>
public static class RoleServices
{
    /// <summary>
    /// The assignments are put back on People by every directory sync (<c>DirectorySync</c>), which writes people as
    /// the directory source has them.
    /// </summary>
    public static IServiceCollection AddTalkBotRoles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<RoleAssignmentStore>();
        services.AddSingleton<RoleDesk>();
        services.AddSingleton<ICommand, RolesCommand>();
        services.AddSingleton<ICardAction, ShowRolesAction>();
        services.AddSingleton<ICardAction, LoadRolesAction>();
        services.AddSingleton<ICardAction, AssignRolesAction>();
        services.AddSingleton<ICardAction, ImportRolesAction>();
        return services;
    }
}
