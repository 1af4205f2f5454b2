namespace Scraps.Onnx.Tests;

/// <summary>Plain C# versions of the operators, written from the ONNX operator docs, to check the graphs against.</summary>
internal static class Reference
{
    public static float[] Random(int count, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1) * scale).ToArray();
    }

    /// <summary>x [rows, k] times w [k, n].</summary>
    public static float[] MatMul(float[] x, float[] w, int rows, int k, int n)
    {
        var y = new float[rows * n];
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var i = 0; i < k; i++)
                {
                    sum += x[(r * k) + i] * w[(i * n) + j];
                }

                y[(r * n) + j] = (float)sum;
            }
        }

        return y;
    }

    public static float[] LayerNorm(float[] x, float[] scale, float[] bias, int width, float epsilon)
    {
        var y = new float[x.Length];
        for (var row = 0; row < x.Length / width; row++)
        {
            var span = x.AsSpan(row * width, width);
            double mean = 0;
            foreach (var v in span)
            {
                mean += v;
            }

            mean /= width;
            double variance = 0;
            foreach (var v in span)
            {
                variance += (v - mean) * (v - mean);
            }

            variance /= width;
            for (var i = 0; i < width; i++)
            {
                y[(row * width) + i] = (float)(((span[i] - mean) / Math.Sqrt(variance + epsilon) * scale[i]) + bias[i]);
            }
        }

        return y;
    }

    public static float[] Softmax(float[] x, int width)
    {
        var y = new float[x.Length];
        for (var row = 0; row < x.Length / width; row++)
        {
            var span = x.AsSpan(row * width, width);
            var max = span.ToArray().Max();
            var sum = span.ToArray().Sum(v => Math.Exp(v - max));
            for (var i = 0; i < width; i++)
            {
                y[(row * width) + i] = (float)(Math.Exp(span[i] - max) / sum);
            }
        }

        return y;
    }

    /// <summary>1-D convolution: x [n, c, t], w [m, c, k], b [m], symmetric padding, stride.</summary>
    public static float[] Conv1d(float[] x, float[] w, float[] b, int n, int c, int t, int m, int k, int stride, int pad, out int outLength)
    {
        outLength = ((t + (2 * pad) - k) / stride) + 1;
        var y = new float[n * m * outLength];
        for (var batch = 0; batch < n; batch++)
        {
            for (var o = 0; o < m; o++)
            {
                for (var step = 0; step < outLength; step++)
                {
                    double sum = b[o];
                    for (var ch = 0; ch < c; ch++)
                    {
                        for (var tap = 0; tap < k; tap++)
                        {
                            var pos = (step * stride) - pad + tap;
                            if (pos >= 0 && pos < t)
                            {
                                sum += x[(((batch * c) + ch) * t) + pos] * w[(((o * c) + ch) * k) + tap];
                            }
                        }
                    }

                    y[(((batch * m) + o) * outLength) + step] = (float)sum;
                }
            }
        }

        return y;
    }

    /// <summary>
    /// A forward LSTM over x [t, n, input] with ONNX-ordered gates (i, o, f, c) in w [4h, input], r [4h, h],
    /// wb/rb [4h]; returns the hidden state at each sequence's last valid step [n, h].
    /// </summary>
    public static float[] LstmLastHidden(float[] x, float[] w, float[] r, float[] wb, float[] rb, int[] lengths, int t, int n, int input, int h)
    {
        var result = new float[n * h];
        for (var batch = 0; batch < n; batch++)
        {
            var hidden = new double[h];
            var cell = new double[h];
            for (var step = 0; step < lengths[batch]; step++)
            {
                var gates = new double[4 * h];
                for (var g = 0; g < 4 * h; g++)
                {
                    double sum = wb[g] + rb[g];
                    for (var i = 0; i < input; i++)
                    {
                        sum += w[(g * input) + i] * x[(((step * n) + batch) * input) + i];
                    }

                    for (var i = 0; i < h; i++)
                    {
                        sum += r[(g * h) + i] * hidden[i];
                    }

                    gates[g] = sum;
                }

                for (var j = 0; j < h; j++)
                {
                    var inGate = Sigmoid(gates[j]);
                    var outGate = Sigmoid(gates[h + j]);
                    var forget = Sigmoid(gates[(2 * h) + j]);
                    var candidate = Math.Tanh(gates[(3 * h) + j]);
                    cell[j] = (forget * cell[j]) + (inGate * candidate);
                    hidden[j] = outGate * Math.Tanh(cell[j]);
                }
            }

            for (var j = 0; j < h; j++)
            {
                result[(batch * h) + j] = (float)hidden[j];
            }
        }

        return result;
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
}
