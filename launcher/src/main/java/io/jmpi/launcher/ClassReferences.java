package io.jmpi.launcher;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one class file refers to, read from its constant pool without loading it: the classes it names and the
 * fields and methods of other classes it uses.
 *
 * @param classes internal names ({@code a/b/C}) of the classes named by its class constants and descriptors.
 * @param members the fields and methods it uses, with the internal name of the class they are looked up in.
 */
record ClassReferences(List<String> classes, List<Member> members)
{
    /**
     * A field or method used by a class.
     *
     * @param owner  internal name of the class named in the reference.
     * @param name   the member's name.
     * @param method {@code true} for a method, {@code false} for a field.
     */
    record Member(String owner, String name, boolean method)
    {
    }

    private static final int MAGIC = 0xCAFEBABE;
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([^;<>()\\[]+);");

    /**
     * @param classFile the bytes of a class file.
     * @return its references.
     * @throws IOException if it cannot be read or is not a class file.
     */
    static ClassReferences read(final InputStream classFile) throws IOException
    {
        final DataInputStream in = new DataInputStream(classFile);
        if (MAGIC != in.readInt())
        {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        final int count = in.readUnsignedShort();
        final String[] utf8 = new String[count];
        final int[] first = new int[count];
        final int[] second = new int[count];
        final byte[] tags = new byte[count];
        for (int i = 1; i < count; i++)
        {
            final int tag = in.readUnsignedByte();
            tags[i] = (byte)tag;
            switch (tag)
            {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                case 3, 4 -> in.readInt();
                case 5, 6 ->
                {
                    in.readLong();
                    i++;
                }
                case 9, 10, 11, 12, 17, 18 ->
                {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 15 ->
                {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }

        final List<String> classes = new ArrayList<>();
        final List<Member> members = new ArrayList<>();
        for (int i = 1; i < count; i++)
        {
            switch (tags[i])
            {
                case 7 -> addClass(classes, utf8[first[i]]);
                case 12 -> addDescriptorClasses(classes, utf8[second[i]]);
                case 9, 10, 11 -> members.add(new Member(
                    utf8[first[first[i]]], utf8[first[second[i]]], 9 != tags[i]));
                default ->
                {
                }
            }
        }
        return new ClassReferences(classes, members);
    }

    /** A class constant names an array type by its descriptor. */
    private static void addClass(final List<String> classes, final String name)
    {
        if (name.startsWith("["))
        {
            addDescriptorClasses(classes, name);
        }
        else
        {
            classes.add(name);
        }
    }

    private static void addDescriptorClasses(final List<String> classes, final String descriptor)
    {
        final Matcher matcher = DESCRIPTOR_CLASS.matcher(descriptor);
        while (matcher.find())
        {
            classes.add(matcher.group(1));
        }
    }
}
