namespace Broadside.Diagnostics;

/// <summary>
/// Every diagnostic code Broadside reports. Codes are stable: editors' notes and CI logs refer to them.
/// BS00xx build, BS01xx front matter, BS02xx site.yml and data files, BS03xx theme, BS04xx URLs,
/// BS05xx Markdown, BS06xx pictures.
/// </summary>
public static class DiagnosticCodes
{
    public const string InputFolderMissing = "BS0001";
    public const string FileUnreadable = "BS0002";
    public const string NoArticles = "BS0003";
    public const string OutputFolderRefused = "BS0004";
    public const string WriteFailed = "BS0005";
    public const string CacheUnwritable = "BS0006";
    public const string OutputLocked = "BS0007";
    public const string FileTooLarge = "BS0010";
    public const string LinkOutsideInput = "BS0011";
    public const string SpecialFile = "BS0012";
    public const string LinkLoop = "BS0013";
    public const string MediaTooLarge = "BS0014";
    public const string InternalError = "BS0099";

    public const string FrontMatterMissing = "BS0101";
    public const string FrontMatterUnclosed = "BS0102";
    public const string YamlSyntax = "BS0103";
    public const string FrontMatterNotMapping = "BS0104";
    public const string RequiredKeyMissing = "BS0105";
    public const string WrongType = "BS0106";
    public const string InvalidDate = "BS0107";
    public const string UnknownKey = "BS0108";
    public const string DuplicateKey = "BS0109";
    public const string EmptyValue = "BS0110";
    public const string InvalidSlug = "BS0111";
    public const string InvalidUrl = "BS0112";
    public const string UnknownDemandId = "BS0113";
    public const string YamlAlias = "BS0114";
    public const string LimitExceeded = "BS0115";
    public const string ControlCharacter = "BS0116";
    public const string TranslationTwice = "BS0117";
    public const string TranslationMismatch = "BS0118";

    public const string SiteConfigMissing = "BS0201";
    public const string SiteConfigInvalid = "BS0202";
    public const string UnknownTimeZone = "BS0203";
    public const string UnknownLanguage = "BS0204";
    public const string DataFileInvalid = "BS0205";
    public const string EditorInvalid = "BS0206";

    public const string TemplateSyntax = "BS0301";
    public const string TemplateMissing = "BS0302";
    public const string TemplateRender = "BS0303";
    public const string ThemeFolderMissing = "BS0304";
    public const string StringMissing = "BS0305";
    public const string StringsInvalid = "BS0306";
    public const string StringUnknown = "BS0307";

    public const string UrlCollision = "BS0401";
    public const string BrokenLink = "BS0402";
    public const string PathTooLong = "BS0403";
    public const string PathBlocked = "BS0404";
    public const string PathReserved = "BS0405";

    public const string HeadingLevelOne = "BS0501";
    public const string SimilarDemand = "BS0502";
    public const string ActiveContent = "BS0503";
    public const string IframeHost = "BS0504";
    public const string MarkdownTooDeep = "BS0505";
    public const string RawHtmlUnclosed = "BS0506";
    public const string UnknownWonArticle = "BS0507";
    public const string RelatedDemand = "BS0508";
    public const string DemandTopicInferred = "BS0509";
    public const string RemoteMedia = "BS0510";

    public const string PictureUnreadable = "BS0601";
    public const string PictureTooLarge = "BS0602";
    public const string PictureTooSmall = "BS0603";
    public const string PictureRemote = "BS0604";
    public const string PictureNoDescription = "BS0605";
}
