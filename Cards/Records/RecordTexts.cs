using TalkBot.Cards.Localization;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Records;

/// <summary>The checklist items of each kind of talk, in the words of the source documents.</summary>
public static class ChecklistText
{
    // 000 §四(二): 开展日常廉政谈话内容.
    private static readonly (string Zh, string En)[] Routine =
    [
        ("贯彻执行民主集中制，落实“三重一大”等制度情况", "Democratic centralism and the “three important, one large” rules"),
        ("认真履行全面从严治党职责，落实“主体责任”情况", "Duties of strict Party governance and the primary responsibility"),
        ("落实中央八项规定精神情况、存在的问题及整改情况", "The central eight-point regulation: practice, problems, rectification"),
        ("坚持党的干部标准，树立正确的选人用人导向，加强干部队伍教育、培养、管理、监督情况", "Cadre standards, selection and the education, training, management and supervision of cadres"),
        ("贯彻落实上级纪检监察机关、公安机关党风廉政建设、反腐败工作要求和专题研究部署情况", "Carrying out the integrity and anti-corruption requirements of higher discipline and police organs"),
        ("加强党风廉政建设、队伍管理工作存在的问题、相关违法违纪问题线索及意见和建议", "Problems in integrity work and team management, leads of violations, opinions and suggestions"),
        ("个人执行《中国共产党廉洁自律准则》情况、存在的问题及整改措施", "Own observance of the CPC Integrity Code: problems and measures"),
        ("个人执行《领导干部报告个人有关事项规定》情况、存在的问题及整改措施", "Own reporting of personal matters as a leading cadre: problems and measures"),
        ("整改落实本单位巡察反馈问题及纪委监委发现的突出问题情况", "Rectifying the unit's inspection findings and problems found by the discipline commission"),
        ("其他需要通过谈话了解的情况", "Other matters to learn through the talk"),
    ];

    // 000 §四(三): 开展廉政提醒谈话内容.
    private static readonly (string Zh, string En)[] Reminder =
    [
        ("谈话人向谈话对象说明谈话原因，指出存在的问题或者需要了解的问题", "The talker explains the reason for the talk and points out the problem"),
        ("谈话对象针对谈话人指出的有关问题作出解释和说明", "The talkee explains the problems pointed out"),
        ("谈话人针对谈话对象存在的有关问题，提出明确的要求", "The talker sets clear requirements"),
    ];

    // 002 §三: 诫勉谈话教育实施的主要内容.
    private static readonly (string Zh, string En)[] Admonishment =
    [
        ("向谈话对象说明谈话原因，反馈有关渠道反映的问题", "Explain the reason for the talk and feed back the problems reported"),
        ("认真听取谈话对象对有关问题的解释和说明", "Listen to the talkee's explanation"),
        ("指出需要注意的问题，进行批评帮助并提出整改意见和建议", "Point out the problems, criticise and help, and propose rectification"),
        ("要求谈话对象检讨缺点和错误，表明整改态度，提出改正措施", "Ask the talkee to examine their faults, state their attitude and propose corrections"),
    ];

    public static IReadOnlyList<string> Items(TalkKind kind, Locale locale)
    {
        var items = kind switch
        {
            TalkKind.Routine => Routine,
            TalkKind.Reminder => Reminder,
            _ => Admonishment,
        };
        return [.. items.Select(i => locale.Pick(i.Zh, i.En))];
    }

    /// <summary>The checklist's heading, with its source.</summary>
    public static string Heading(TalkKind kind, Locale locale) => kind switch
    {
        TalkKind.Routine => locale.Pick("谈话内容（000 §四(二)，至少勾选一项）", "Content covered (000 §四(二), at least one)"),
        TalkKind.Reminder => locale.Pick("谈话步骤（000 §四(三)，须逐项完成）", "Steps (000 §四(三), all required)"),
        _ => locale.Pick("谈话步骤（002 §三，须逐项完成）", "Steps (002 §三, all required)"),
    };

    /// <summary>The checklist's heading on a logged record: what was covered, with its source, and no form instruction.</summary>
    public static string RecordHeading(TalkKind kind, Locale locale) => kind switch
    {
        TalkKind.Routine => locale.Pick("谈话内容（000 §四(二)）", "Content covered (000 §四(二))"),
        TalkKind.Reminder => locale.Pick("谈话步骤（000 §四(三)）", "Steps (000 §四(三))"),
        _ => locale.Pick("谈话步骤（002 §三）", "Steps (002 §三)"),
    };

    /// <summary>
    /// The form's name: the 《层级廉政谈话登记表》 for monthly talks; for admonishment the 诫勉谈话教育情况表, which the
    /// responsible person fills and the person talked to verifies (002 §五6–7).
    /// </summary>
    public static string FormName(TalkKind kind, Locale locale) => kind == TalkKind.Admonishment
        ? locale.Pick("《诫勉谈话教育情况表》", "Admonishment Talk Report")
        : locale.Pick("《层级廉政谈话登记表》", "Integrity Talk Record");

    public static string Of(RecordStatus status, Locale locale) => status switch
    {
        RecordStatus.AwaitingVerification => locale.Pick("待本人核实", "Awaiting verification"),
        RecordStatus.Disputed => locale.Pick("有异议，待修改", "Disputed; to be revised"),
        RecordStatus.Verified => locale.Pick("已核实", "Verified"),
        _ => status.ToString(),
    };

    public static string Of(QuizSource source, Locale locale) => source switch
    {
        QuizSource.EightPointRegulation => locale.Pick("中央八项规定精神", "Central eight-point regulation"),
        QuizSource.SixDisciplines => locale.Pick("六项纪律", "The six disciplines"),
        QuizSource.FourForms => locale.Pick("监督执纪“四种形态”", "The four forms of discipline enforcement"),
        QuizSource.IntegrityCode => locale.Pick("《中国共产党廉洁自律准则》", "CPC Integrity and Self-Discipline Code"),
        QuizSource.PersonalMattersReporting => locale.Pick("《领导干部报告个人有关事项规定》", "Rules on Leading Cadres Reporting Personal Matters"),
        QuizSource.DemocraticCentralism => locale.Pick("民主集中制", "Democratic centralism"),
        QuizSource.ThreeImportantOneLarge => locale.Pick("“三重一大”制度", "“Three important, one large” rules"),
        _ => source.ToString(),
    };
}
