/* C caller using the cglm habit of in-place operations. */
typedef struct { float x, y, z; } vec3;
void vec3_add(vec3 *out, const vec3 *a, const vec3 *b);

float step(vec3 *pos, const vec3 *vel)
{
	vec3_add(pos, pos, vel);
	return pos->x;
}
