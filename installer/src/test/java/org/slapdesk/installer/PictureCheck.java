package org.slapdesk.installer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** What a PNG of the window must be to count as a real picture: a window's size and many colours, not a blank. */
record PictureCheck(int width, int height, int colours) {

    static PictureCheck of(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("not a picture ImageIO can read (" + png.length + " bytes)");
        }
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return new PictureCheck(image.getWidth(), image.getHeight(), colours.size());
    }
}
