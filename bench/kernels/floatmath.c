/* float arithmetic: a small n-body style integration in double and a float polynomial */
#include "bench.h"
typedef struct { double x, y, z, vx, vy, vz, m; } body;
static double rsqrt_newton(double d)
{
    double s = d > 1.0 ? d : 1.0; /* sqrt by Newton steps, so no libm is needed */
    for (int k = 0; k < 12; k++) s = 0.5 * (s + d / s);
    return 1.0 / s;
}
int main(void)
{
    body b[5] = {{0, 0, 0, 0, 0, 0, 40}, {4.8, -1.1, -0.1, 0.6, 2.8, -0.02, 0.04},
                 {8.3, 4.1, -0.4, -1.0, 1.8, 0.008, 0.01}, {12.9, -15.1, -0.2, 1.0, 0.8, -0.01, 0.002},
                 {15.3, -25.9, 0.17, 0.9, 0.6, -0.03, 0.002}};
    for (int step = 0; step < 60000; step++) {
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) {
                double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
                double d2 = dx * dx + dy * dy + dz * dz + 0.01;
                double inv = rsqrt_newton(d2);
                double mag = 0.001 * inv * inv * inv;
                b[i].vx -= dx * b[j].m * mag; b[i].vy -= dy * b[j].m * mag; b[i].vz -= dz * b[j].m * mag;
                b[j].vx += dx * b[i].m * mag; b[j].vy += dy * b[i].m * mag; b[j].vz += dz * b[i].m * mag;
            }
        for (int i = 0; i < 5; i++) { b[i].x += 0.001 * b[i].vx; b[i].y += 0.001 * b[i].vy; b[i].z += 0.001 * b[i].vz; }
    }
    float p = 0;
    for (int i = 0; i < 2000000; i++) { float t = (float)(i & 1023) * 0.001f; p += ((0.5f * t - 1.25f) * t + 0.75f) * t; }
    double e = 0;
    for (int i = 0; i < 5; i++) e += b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    BENCH_RESULT("floatmath", (uint64_t)(e * 1e6) ^ (uint64_t)(p * 1000.0f));
    return 0;
}
