package org.proposals.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** What units, divisions and people share: they are retired rather than deleted, and versioned for If-Match. */
@MappedSuperclass
public abstract class MasterRecord extends PanacheEntityBase {

    /**
     * Unit and division ids: the codes the identity provider puts in tokens ({@code unit_id}, {@code division_id}),
     * short and stable, e.g. {@code miit}, {@code miit-sme}.
     */
    public static final String CODE_PATTERN = "[a-z][a-z0-9-]{1,99}";
    public static final String CODE_RULE = "2 to 100 lower-case letters, digits and -, starting with a letter, e.g. miit-sme";

    /** A unit's id is a code other than {@code imports}, the address of {@code POST /api/v1/units/imports}. */
    public static final String UNIT_ID_PATTERN = "(?!imports$)" + CODE_PATTERN;
    public static final String UNIT_ID_RULE = CODE_RULE + ", other than imports";

    /** Person ids: the subject of the person's tokens, a user name or the provider's UUID. */
    public static final String PERSON_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";
    public static final String PERSON_ID_RULE = "up to 100 letters, digits and . _ @ -, as the identity provider names the person";

    public boolean active = true;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
