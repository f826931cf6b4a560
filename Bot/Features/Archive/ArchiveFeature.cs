namespace TalkBot.Bot.Features.Archive;

/// <summary>The discipline office's reading: the desk, personal integrity archives (000 §四(一)6), exports and the audit log (SPEC §6).</summary>
public static class ArchiveFeature
{
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration)
    {
        var archive = new ArchiveOptions();
        configuration.GetSection(ArchiveOptions.Section).Bind(archive);
        services.AddSingleton(archive);
        var exports = new ExportOptions();
        configuration.GetSection(ExportOptions.Section).Bind(exports);
        services.AddSingleton(exports);
        services.AddTable(ArchiveExports.Table);
        services.AddSingleton<ArchiveViews>();
        services.AddSingleton<ArchiveExports>();
        services.AddPeopleSearch(Datasets.ArchiveSubjects, PersonScopes.ArchiveSubjects);
        return services.AddHandler<ShowLedger>().AddHandler<ShowArchive>().AddHandler<ShowAudit>().AddHandler<ExportArchive>()
            .AddHandler<ShowArchiveMaterial>();
    }
}
