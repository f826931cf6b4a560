using Microsoft.Extensions.Options;
using TalkBot.Bot.Storage;

namespace TalkBot.Bot.Directory;

/// <summary>Directory configuration (section <c>Directory</c>).</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary><c>OrgFile</c> (the JSON organisation file). Microsoft Graph comes as a second source later.</summary>
    public string Source { get; set; } = "OrgFile";

    /// <summary>The organisation file, relative to the content root or absolute.</summary>
    public string OrgFile { get; set; } = "demo/org.json";
}

/// <summary>Loads the directory into Table Storage at start-up, so that every request reads people from the store.</summary>
public sealed partial class DirectorySync(
    IOptions<DirectoryOptions> options,
    IHostEnvironment environment,
    PeopleRepository people,
    ILogger<DirectorySync> logger)
{
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var path = ResolveOrgFile(options.Value.OrgFile, environment.ContentRootPath);
        var file = await OrgFile.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        await people.ReplaceAllAsync(file.ToPeople(), file.ToUnits(), cancellationToken).ConfigureAwait(false);
        LogSynced(logger, file.People.Count, file.Units.Count, path);
    }

    /// <summary>
    /// A relative path is looked up from the content root and then upwards, so that <c>dotnet run --project Bot</c>
    /// from the repository root and the built bot started from its output folder both find <c>demo/org.json</c>.
    /// </summary>
    internal static string ResolveOrgFile(string configured, string contentRoot)
    {
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Organisation file '{configured}' not found from '{contentRoot}' upwards. Set Directory:OrgFile.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory synchronised: {People} people, {Units} units from {Path}")]
    private static partial void LogSynced(ILogger logger, int people, int units, string path);
}
