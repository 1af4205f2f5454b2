"""SCRAPS in PyTorch, with the parameter names of `scraps-train export --safetensors` (docs/pytorch.md).

    import json, torch
    from safetensors.torch import load_file
    from scraps import ScrapsNet

    config = json.load(open("pt/config.json"))
    model = ScrapsNet(config)
    model.load_state_dict(load_file("pt/model.safetensors"))   # strict: every name and shape must match
    model.eval()

Mirrors docs/architecture.md ("Model architecture") step for step, and the optional phone branch ("phoneBranch") and
matching head ("matchingHead") of Scraps.Model's PhoneBranch and MatchingHead; inputs are what the ONNX graphs take:
phoneme ids int64 [B, T] (0 = padding) and standardised log-mel features float [B, frames, 80], each with lengths
int64 [B]. Outputs are meant for each row's first `lengths` steps; padded steps hold values that mean nothing.
"""
import math

import torch
from torch import nn


def sinusoids(positions, dim):
    """PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d))."""
    position = torch.arange(positions, dtype=torch.float64).unsqueeze(1)
    rate = torch.pow(10000.0, torch.arange(0, dim, 2, dtype=torch.float64) / dim)
    table = torch.zeros(positions, dim, dtype=torch.float64)
    table[:, 0::2] = torch.sin(position / rate)
    table[:, 1::2] = torch.cos(position / rate)
    return table.float()


def key_mask(lengths, steps):
    """Additive key-padding mask [B, 1, 1, T]: 0 for valid keys, -1e9 for padded ones."""
    padded = torch.arange(steps, device=lengths.device).unsqueeze(0) >= lengths.unsqueeze(1)
    return torch.zeros(padded.shape, device=lengths.device).masked_fill(padded, -1e9)[:, None, None, :]


def zero_padded(x, lengths):
    valid = torch.arange(x.shape[1], device=x.device).unsqueeze(0) < lengths.unsqueeze(1)
    return x * valid.unsqueeze(-1)


class Attention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.query, self.key, self.value, self.output = (nn.Linear(d, d) for _ in range(4))

    def forward(self, x, mask):
        b, t, d = x.shape
        split = lambda y: y.view(b, t, self.heads, d // self.heads).transpose(1, 2)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.heads) + mask
        return self.output((scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, d))


class Block(nn.Module):
    """Pre-LayerNorm transformer block: h = x + Drop(MHA(LN1(x))); y = h + Drop(Linear2(Drop(ReLU(Linear1(LN2(h))))))."""

    def __init__(self, d, heads, ffn, dropout):
        super().__init__()
        self.norm1 = nn.LayerNorm(d, eps=1e-5)
        self.attention = Attention(d, heads)
        self.norm2 = nn.LayerNorm(d, eps=1e-5)
        self.ffn1 = nn.Linear(d, ffn)
        self.ffn2 = nn.Linear(ffn, d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, mask):
        h = x + self.drop(self.attention(self.norm1(x), mask))
        return h + self.drop(self.ffn2(self.drop(torch.relu(self.ffn1(self.norm2(h))))))


class PhoneticEncoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["modelDim"]
        self.embedding = nn.Embedding(c["vocabSize"], d, padding_idx=0)
        self.alpha = nn.Parameter(torch.ones(()))
        self.register_buffer("position_table", sinusoids(c["maxPositions"], d))
        self.blocks = nn.ModuleList(Block(d, c["heads"], c["ffnDim"], c["dropout"]) for _ in range(c["layers"]))
        self.final_norm = nn.LayerNorm(d, eps=1e-5)
        self.drop = nn.Dropout(c["dropout"])
        self.scale = math.sqrt(d)

    def forward(self, ids, lengths):
        x = self.embedding(ids) * self.scale + self.alpha * self.position_table[: ids.shape[1]]
        x, mask = self.drop(x), key_mask(lengths, ids.shape[1])
        for block in self.blocks:
            x = block(x, mask)
        return self.final_norm(x)


class AcousticEncoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["modelDim"]
        self.prenet = nn.Linear(c["melBins"], d)
        convolutions = {1: 0, 2: 1, 4: 2}[c["acousticSubsampling"]]
        self.subsampling = nn.ModuleList(nn.Conv1d(d, d, kernel_size=3, stride=2, padding=1) for _ in range(convolutions))
        self.alpha = nn.Parameter(torch.ones(()))
        self.register_buffer("position_table", sinusoids(c["maxPositions"], d))
        self.blocks = nn.ModuleList(Block(d, c["heads"], c["ffnDim"], c["dropout"]) for _ in range(c["layers"]))
        self.final_norm = nn.LayerNorm(d, eps=1e-5)
        self.drop = nn.Dropout(c["dropout"])

    def forward(self, features, lengths):
        """(sequence [B, T', d], sequence_lengths [B])."""
        sequence, lengths, _, _ = self.forward_stages(features, lengths)
        return sequence, lengths

    def forward_stages(self, features, lengths):
        """(sequence, sequence_lengths, stage2 [B, T2, d], stage2_lengths [B]): stage2 is the output of the first
        stride-2 convolution (25 ms steps, padded steps zero, before the positions), which the phone branch reads; None
        and None for s = 1."""
        x = torch.relu(self.prenet(zero_padded(features, lengths)))
        stage2 = stage2_lengths = None
        for conv in self.subsampling:
            x = zero_padded(x, lengths)
            x = torch.relu(conv(x.transpose(1, 2))).transpose(1, 2)
            lengths = torch.div(lengths - 1, 2, rounding_mode="floor") + 1
            x = zero_padded(x, lengths)
            if stage2 is None:
                stage2, stage2_lengths = x, lengths
        x = self.drop(x + self.alpha * self.position_table[: x.shape[1]])
        mask = key_mask(lengths, x.shape[1])
        for block in self.blocks:
            x = block(x, mask)
        return self.final_norm(x), lengths, stage2, stage2_lengths


def reverse_within_lengths(x, lengths):
    """x [B, T, C] with each row's first lengths[b] steps reversed; the padded steps stay where they are."""
    t = torch.arange(x.shape[1], device=x.device).unsqueeze(0)
    last = lengths.unsqueeze(1) - 1
    index = torch.where(t <= last, last - t, t)
    return x.gather(1, index.unsqueeze(-1).expand(-1, -1, x.shape[2]))


class PhoneBranch(nn.Module):
    """The phone branch (config "phoneBranch"): layers over the acoustic encoder's first stride-2 stage (25 ms steps)
    that feed the CTC head, so that a phone shorter than the transformer's steps still has steps of its own.

    kind "conv": Linear(d, dim) when dim != d; `layers` residual blocks x = x + Drop(ReLU(Conv1d(dim, dim, kernel,
    padding kernel // 2)(ZeroPadded(LN(x))))); LayerNorm.
    kind "bilstm": `layers` bidirectional layers of two LSTMs of dim/2 units: the forward one reads x as it is, the
    backward one reads each row's valid steps reversed (padded steps left behind them) and its output is reversed back
    the same way, so a row's backward states depend on its valid steps only; x = Drop(cat(forward, backward)); LayerNorm.
    forward(x [B, T2, d] (padded steps zero), lengths [B]) -> [B, T2, dim].
    """

    def __init__(self, input_dim, b, dropout):
        super().__init__()
        self.kind, layers, dim = b.get("kind", "conv"), b.get("layers", 4), b.get("dim", 128)
        if self.kind == "conv":
            kernel = b.get("kernel", 5)
            self.input = nn.Linear(input_dim, dim) if input_dim != dim else None
            self.convs = nn.ModuleList(nn.Conv1d(dim, dim, kernel_size=kernel, padding=kernel // 2) for _ in range(layers))
            self.norms = nn.ModuleList(nn.LayerNorm(dim, eps=1e-5) for _ in range(layers))
        elif self.kind == "bilstm":
            widths = [input_dim] + [dim] * (layers - 1)
            self.forward_lstms = nn.ModuleList(nn.LSTM(w, dim // 2, num_layers=1, batch_first=True) for w in widths)
            self.backward_lstms = nn.ModuleList(nn.LSTM(w, dim // 2, num_layers=1, batch_first=True) for w in widths)
        else:
            raise ValueError(f"phoneBranch.kind must be conv or bilstm, not {self.kind!r}")
        self.final_norm = nn.LayerNorm(dim, eps=1e-5)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, lengths):
        if self.kind == "conv":
            if self.input is not None:
                x = self.input(x)
            for conv, norm in zip(self.convs, self.norms):
                h = zero_padded(norm(x), lengths)
                x = x + self.drop(torch.relu(conv(h.transpose(1, 2))).transpose(1, 2))
        else:
            for ahead_lstm, behind_lstm in zip(self.forward_lstms, self.backward_lstms):
                ahead, _ = ahead_lstm(x)
                behind, _ = behind_lstm(reverse_within_lengths(x, lengths))
                x = self.drop(torch.cat([ahead, reverse_within_lengths(behind, lengths)], 2))
        return self.final_norm(x)


class CrossAttention(nn.Module):
    """Attention of queries over another sequence: q from the queries, k and v from the memory (bias on all
    projections, heads of size d/h): softmax(Q K^T / sqrt(d/h) + mask) V, mask the memory's key-padding mask."""

    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.query, self.key, self.value, self.output = (nn.Linear(d, d) for _ in range(4))

    def forward(self, queries, memory, mask):
        b, t, d = queries.shape
        split = lambda y: y.view(b, y.shape[1], self.heads, d // self.heads).transpose(1, 2)
        q, k, v = split(self.query(queries)), split(self.key(memory)), split(self.value(memory))
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.heads) + mask
        return self.output((scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, d))


class MatchingLayer(nn.Module):
    """Pre-LayerNorm: h = x + Drop(SelfMHA(LN1(x), phone mask)); h = h + Drop(CrossMHA(LN2(h), LN_mem(memory), frame
    mask)); y = h + Drop(Linear(2m, m)(Drop(ReLU(Linear(m, 2m)(LN3(h))))))."""

    def __init__(self, m, heads, dropout):
        super().__init__()
        self.norm1 = nn.LayerNorm(m, eps=1e-5)
        self.self_attention = Attention(m, heads)
        self.norm2 = nn.LayerNorm(m, eps=1e-5)
        self.memory_norm = nn.LayerNorm(m, eps=1e-5)
        self.cross_attention = CrossAttention(m, heads)
        self.norm3 = nn.LayerNorm(m, eps=1e-5)
        self.ffn1 = nn.Linear(m, 2 * m)
        self.ffn2 = nn.Linear(2 * m, m)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, phone_mask, memory, frame_mask):
        h = x + self.drop(self.self_attention(self.norm1(x), phone_mask))
        h = h + self.drop(self.cross_attention(self.norm2(h), self.memory_norm(memory), frame_mask))
        return h + self.drop(self.ffn2(self.drop(torch.relu(self.ffn1(self.norm3(h))))))


class MatchingHead(nn.Module):
    """The matching head (config "matchingHead", width m): per phone, a logit that the audio supports it.

    x = Drop(Linear(d, m)(phone_states)); memory = Drop(Linear(a, m)(frames) + alpha * PE[0:S]) (PE: the sinusoids at
    width m, 2 * maxPositions rows, a buffer); `layers` MatchingLayers with the key-padding masks of the phones and of
    the frames; logits = Linear(m, 1)(LN(x)).squeeze(-1).
    forward(phone_states [N, T, d], phone_lengths [N], frames [N, S, a], frame_lengths [N]) -> logits [N, T].
    a is the phone branch's dim with a branch, else d.
    """

    def __init__(self, c):
        super().__init__()
        h, branch = c["matchingHead"], c.get("phoneBranch")
        m = h.get("dim", 128)
        self.phone_input = nn.Linear(c["modelDim"], m)
        self.frame_input = nn.Linear(branch.get("dim", 128) if branch else c["modelDim"], m)
        self.alpha = nn.Parameter(torch.ones(()))
        self.register_buffer("position_table", sinusoids(2 * c["maxPositions"], m))
        self.layers = nn.ModuleList(MatchingLayer(m, h.get("heads", 4), c["dropout"]) for _ in range(h.get("layers", 2)))
        self.final_norm = nn.LayerNorm(m, eps=1e-5)
        self.output = nn.Linear(m, 1)
        self.drop = nn.Dropout(c["dropout"])

    def forward(self, phone_states, phone_lengths, frames, frame_lengths):
        x = self.drop(self.phone_input(phone_states))
        memory = self.drop(self.frame_input(frames) + self.alpha * self.position_table[: frames.shape[1]])
        phone_mask, frame_mask = key_mask(phone_lengths, phone_states.shape[1]), key_mask(frame_lengths, frames.shape[1])
        for layer in self.layers:
            x = layer(x, phone_mask, memory, frame_mask)
        return self.output(self.final_norm(x)).squeeze(-1)


class ScrapsNet(nn.Module):
    """Both encoders and ONE LSTM(d, D) shared by them; a SCRAPS vector is the LSTM output at a sequence's last step.
    Optional: the CTC head ("ctcHead"), the phone branch before it ("phoneBranch") and the matching head ("matchingHead")."""

    def __init__(self, c):
        super().__init__()
        branch = c.get("phoneBranch")
        self.phonetic = PhoneticEncoder(c)
        self.acoustic = AcousticEncoder(c)
        self.integrator = nn.LSTM(c["modelDim"], c["lstmHidden"], num_layers=1, batch_first=True)
        self.phone_branch = PhoneBranch(c["modelDim"], branch, c["dropout"]) if branch else None
        width = branch.get("dim", 128) if branch else c["modelDim"]
        self.ctc_head = nn.Linear(width, c["vocabSize"]) if c.get("ctcHead") else None
        self.matching_head = MatchingHead(c) if c.get("matchingHead") else None

    def integrate(self, sequence, lengths):
        output, _ = self.integrator(sequence)
        return output[torch.arange(output.shape[0]), lengths - 1]

    def embed_phonemes(self, ids, lengths):
        return self.integrate(self.phonetic(ids, lengths), lengths)

    def encode_phonemes(self, ids, lengths):
        """phonetic.onnx's outputs: (embeddings [B, D], sequence [B, T, d]); sequence is the matching head's phone_states."""
        sequence = self.phonetic(ids, lengths)
        return self.integrate(sequence, lengths), sequence

    def embed_acoustic(self, features, lengths):
        sequence, steps = self.acoustic(features, lengths)
        return self.integrate(sequence, steps)

    def encode_acoustic(self, features, lengths):
        """acoustic.onnx's outputs, by name: embeddings [B, D], sequence [B, steps, d], sequence_lengths [B]; with the
        CTC head phone_log_probs [B, phone_steps, vocabSize]; with the matching head phone_features [B, phone_steps, a]
        (acoustic.onnx has it when it also has the CTC head). Also phone_lengths [B] (not an ONNX output): the valid
        phone_steps of each row, (L - 1) // 2 + 1 of the frames L with a phone branch, else sequence_lengths."""
        sequence, steps, stage2, stage2_lengths = self.acoustic.forward_stages(features, lengths)
        outputs = {"embeddings": self.integrate(sequence, steps), "sequence": sequence, "sequence_lengths": steps}
        phone_features, phone_lengths = self._phone_input(sequence, steps, stage2, stage2_lengths)
        if self.ctc_head is not None:
            outputs["phone_log_probs"] = self.ctc_head(phone_features).log_softmax(-1)
        if self.matching_head is not None:
            outputs["phone_features"] = phone_features
        outputs["phone_lengths"] = phone_lengths
        return outputs

    def phone_features(self, features, lengths):
        """What the CTC head (and the matching head) reads: the phone branch's output [B, phone_steps, dim] at the 25 ms
        steps of the first stride-2 stage, else the acoustic sequence [B, steps, d]; and its lengths [B]."""
        return self._phone_input(*self.acoustic.forward_stages(features, lengths))

    def phone_log_probs(self, features, lengths):
        """The CTC head: per-step log-probabilities [B, phone_steps, vocabSize] over the inventory (class 0 is the blank),
        at the phone branch's 25 ms steps when there is one (else at the acoustic sequence's steps), and their lengths [B]."""
        phone_features, phone_lengths = self.phone_features(features, lengths)
        return self.ctc_head(phone_features).log_softmax(-1), phone_lengths

    def match_logits(self, phone_states, phone_lengths, frames, frame_lengths):
        """matching.onnx: phone_states [N, T, d] (encode_phonemes' sequence), phone_lengths [N], frames [N, S, a]
        (phone_features of each row's clip), frame_lengths [N] -> phone_logits [N, T]: per token, the logit that the audio
        supports it (only phone tokens mean anything; trained with binary cross-entropy, positive: supported)."""
        return self.matching_head(phone_states, phone_lengths, frames, frame_lengths)

    def match_pairs(self, ids, id_lengths, features, feature_lengths):
        """match_logits of pair i (phoneme ids [N, T] with ids i, clip i): phone_logits [N, T]."""
        _, phone_states = self.encode_phonemes(ids, id_lengths)
        frames, frame_lengths = self.phone_features(features, feature_lengths)
        return self.match_logits(phone_states, id_lengths, frames, frame_lengths)

    def forward(self, ids, id_lengths, features, feature_lengths):
        """The score matrix L = T A^T (rows: phoneme sequences, columns: clips); training uses the symmetric CE over it."""
        return self.embed_phonemes(ids, id_lengths) @ self.embed_acoustic(features, feature_lengths).T

    def _phone_input(self, sequence, steps, stage2, stage2_lengths):
        if self.phone_branch is None:
            return sequence, steps
        return self.phone_branch(stage2, stage2_lengths), stage2_lengths
