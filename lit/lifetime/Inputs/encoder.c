/* A libwebp-style encoder: encoder_new keeps the caller's config and picture in the encoder it
 * returns; encode() makes one, uses it and deletes it before returning. */
#include <stdlib.h>

struct config {
	int quality;
};
struct picture {
	int width, height;
};
struct encoder {
	const struct config *config;
	const struct picture *pic;
	int bytes;
};

struct encoder *encoder_new(const struct config *config, const struct picture *pic)
{
	struct encoder *enc = malloc(sizeof *enc);
	if (!enc)
		return NULL;
	enc->config = config;
	enc->pic = pic;
	enc->bytes = 0;
	return enc;
}

static int encoder_run(struct encoder *enc)
{
	enc->bytes = enc->pic->width * enc->pic->height * enc->config->quality / 100;
	return enc->bytes;
}

void encoder_delete(struct encoder *enc)
{
	free(enc);
}

/* The encoder dies here: the caller's config and picture are kept only while this runs. */
int encode(const struct config *config, const struct picture *pic)
{
	struct encoder *enc = encoder_new(config, pic);
	if (!enc)
		return -1;
	int n = encoder_run(enc);
	encoder_delete(enc);
	return n;
}

/* Keeps the last encoder in a global: its config and picture with it. */
static struct encoder *last;

int encode_keep(const struct config *config, const struct picture *pic)
{
	encoder_delete(last);
	last = encoder_new(config, pic);
	return last ? encoder_run(last) : -1;
}

int encoder_bytes(const struct encoder *enc)
{
	return enc->bytes;
}

int encode_once(int w, int h);
int encode_scoped(int w, int h);
int encode_cached(int w, int h);
struct encoder *open_encoder(int w, int h);

int main(int argc, char **argv)
{
	(void)argv;
	struct encoder *enc = open_encoder(argc, 2);
	int n = encode_once(argc, 2) + encode_scoped(argc, 2) + encode_cached(argc, 2);
	encoder_delete(enc);
	return n > 0 ? 0 : 1;
}
