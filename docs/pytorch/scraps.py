"""SCRAPS in PyTorch, with the parameter names of `scraps-train export --safetensors` (docs/pytorch.md).

    import json, torch
    from safetensors.torch import load_file
    from scraps import ScrapsNet

    config = json.load(open("pt/config.json"))
    model = ScrapsNet(config)
    model.load_state_dict(load_file("pt/model.safetensors"))   # strict: every name and shape must match
    model.eval()

Mirrors docs/architecture.md ("Model architecture") step for step; inputs are what the ONNX graphs take: phoneme ids
int64 [B, T] (0 = padding) and standardised log-mel features float [B, frames, 80], each with lengths int64 [B].
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
        x = torch.relu(self.prenet(zero_padded(features, lengths)))
        for conv in self.subsampling:
            x = zero_padded(x, lengths)
            x = torch.relu(conv(x.transpose(1, 2))).transpose(1, 2)
            lengths = torch.div(lengths - 1, 2, rounding_mode="floor") + 1
            x = zero_padded(x, lengths)
        x = self.drop(x + self.alpha * self.position_table[: x.shape[1]])
        mask = key_mask(lengths, x.shape[1])
        for block in self.blocks:
            x = block(x, mask)
        return self.final_norm(x), lengths


class ScrapsNet(nn.Module):
    """Both encoders and ONE LSTM(d, D) shared by them; a SCRAPS vector is the LSTM output at a sequence's last step."""

    def __init__(self, c):
        super().__init__()
        self.phonetic = PhoneticEncoder(c)
        self.acoustic = AcousticEncoder(c)
        self.integrator = nn.LSTM(c["modelDim"], c["lstmHidden"], num_layers=1, batch_first=True)
        self.ctc_head = nn.Linear(c["modelDim"], c["vocabSize"]) if c.get("ctcHead") else None

    def integrate(self, sequence, lengths):
        output, _ = self.integrator(sequence)
        return output[torch.arange(output.shape[0]), lengths - 1]

    def embed_phonemes(self, ids, lengths):
        return self.integrate(self.phonetic(ids, lengths), lengths)

    def embed_acoustic(self, features, lengths):
        sequence, steps = self.acoustic(features, lengths)
        return self.integrate(sequence, steps)

    def phone_log_probs(self, features, lengths):
        """The CTC head: per-step log-probabilities over the inventory (class 0 is the blank), and the step lengths."""
        sequence, steps = self.acoustic(features, lengths)
        return self.ctc_head(sequence).log_softmax(-1), steps

    def forward(self, ids, id_lengths, features, feature_lengths):
        """The score matrix L = T A^T (rows: phoneme sequences, columns: clips); training uses the symmetric CE over it."""
        return self.embed_phonemes(ids, id_lengths) @ self.embed_acoustic(features, feature_lengths).T
