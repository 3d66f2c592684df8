package org.proposals.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A subject in the committee's topic taxonomy (新一代信息技术, 数字经济, 中小企业 ...). Topics are retired
 * rather than deleted, so that older proposals keep theirs.
 */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    public int position;

    public boolean active = true;

    @Version
    public long version;
}
