"""Every sentence a student reads, in Chinese and English (DESIGN section 10: messages/)."""
