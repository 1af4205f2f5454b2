namespace Scraps.Client;

// The v1 request and response records are compiled from src/Shared/Contracts, the one source that the service
// compiles too (there they keep the default accessibility of a type declared without a modifier: internal). These
// parts make them the client's public types.
public partial record AcousticEmbeddingRequest;
public partial record AcousticEmbeddingResponse;
public partial record CompareRequest;
public partial record CompareResponse;
public partial record HealthResponse;
public partial record ModelResponse;
public partial record ProviderDescription;
public partial record ModelDimensions;
public partial record PhonemeInventoryDescription;
public partial record PhonemeDescription;
public partial record G2pDescription;
public partial record CalibrationDescription;
public partial record VerdictDescription;
public partial record InputLimits;
public partial record PhoneticEmbeddingRequest;
public partial record PhoneticEmbeddingResponse;
public partial record RankRequest;
public partial record RankResponse;
public partial record RankedCandidate;
public partial record ScoreDetail;
public partial record ScoreMatrixRequest;
public partial record ScoreMatrixResponse;
public partial record ScoreRequest;
public partial record ScoreResponse;
public partial record SequenceOutput;
public partial record WordResult;
