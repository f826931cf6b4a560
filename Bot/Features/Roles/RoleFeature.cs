namespace TalkBot.Bot.Features.Roles;

/// <summary>
/// Role and rank assignment (SPEC §1): the 角色管理 card, by person or CSV. The assignments are put back on People by
/// every directory sync, which writes people as the directory source has them.
/// </summary>
public static class RoleFeature
{
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.AddTable(RoleAssignmentStore.Table);
        services.AddSingleton<RoleAssignmentStore>();
        services.AddSingleton<RoleEditor>();
        services.AddPeopleSearch(Datasets.RoleHolders, PersonScopes.RoleHolders);
        return services.AddHandler<ShowRoles>().AddHandler<LoadRoles>().AddHandler<AssignRoles>().AddHandler<ImportRoles>();
    }
}
